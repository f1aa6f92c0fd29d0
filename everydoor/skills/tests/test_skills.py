import re

import pytest

from everydoor.skills.models import LessonCompletion

pytestmark = pytest.mark.django_db


def test_the_check_shows_only_the_lessons_a_person_needs(client, starter_content):
    page = client.get("/ar/digital-skills/").content.decode()
    assert page.count('href="/ar/digital-skills/') == 5  # before the check: every lesson
    response = client.post("/ar/digital-skills/", {"can_already": ["phone-browser-safety", "joining-a-video-call"]})
    assert response.status_code == 302
    page = client.get("/ar/digital-skills/").content.decode()
    suggested = page.split('id="lessons"')[1].split("</ul>")[0]
    assert 'href="/ar/digital-skills/nhs-app-and-login/"' in suggested
    assert 'href="/ar/digital-skills/booking-a-gp-appointment/"' in suggested
    assert "phone-browser-safety" not in suggested and "joining-a-video-call" not in suggested


def test_a_lesson_is_illustrated_read_aloud_and_its_completion_recorded(client, starter_content):
    from everydoor.content.models import LessonPage
    from everydoor.readaloud.models import Recording

    lesson = LessonPage.objects.get(locale__language_code="ar", slug="nhs-app-and-login")
    lesson.save_revision().publish()  # publishing asks for its audio (the test database starts with none)
    assert Recording.objects.filter(language="ar", text__contains=lesson.summary).exists()
    page = client.get("/ar/digital-skills/nhs-app-and-login/").content.decode()
    assert re.search(r'<img src="/static/everydoor/illustrations/nhs-app\.[0-9a-f]+\.svg" alt="[^"]+"', page)
    assert 'dir="rtl"' in page
    assert "I have finished this lesson" not in page  # it is in Arabic
    assert client.post("/ar/digital-skills/nhs-app-and-login/done/").status_code == 302
    assert client.post("/ar/digital-skills/nhs-app-and-login/done/").status_code == 302  # twice counts once
    assert list(LessonCompletion.objects.values_list("lesson", "language", "channel")) == [
        ("nhs-app-and-login", "ar", "web")]
    assert "✓" in client.get("/ar/digital-skills/").content.decode()
    assert client.get("/ar/digital-skills/not-a-lesson/").status_code == 404


def test_was_this_clear_works_on_a_lesson(client, starter_content):
    response = client.post("/en/digital-skills/joining-a-video-call/clear/", {"was_clear": "no", "comment": "long"})
    assert response["Location"] == "/en/digital-skills/joining-a-video-call/?feedback=thanks#clear"
    bad = client.post("/en/digital-skills/joining-a-video-call/clear/", {"comment": "kept"})
    assert bad.status_code == 400 and "kept" in bad.content.decode()
