import pytest
from django.utils import translation

from everydoor.content.models import ClarityFeedback
from everydoor.content.roles import CONTENT_EDITORS, TRANSLATORS
from everydoor.testing.staff import verified_login

from .helpers import guide, person_with_role

pytestmark = pytest.mark.django_db
FEEDBACK_URL = "/ar/guides/free-interpreter/clear/"


def test_an_answer_is_kept_with_the_page_language_and_version_read(starter_content, client):
    page = guide("ar", "free-interpreter")
    response = client.post(FEEDBACK_URL, {"was_clear": "no", "comment": "كلمة «مترجم» غير واضحة",
                                          "revision": page.live_revision_id})
    assert response.status_code == 302
    assert response["Location"] == "/ar/guides/free-interpreter/?feedback=thanks#clear"
    answer = ClarityFeedback.objects.get()
    assert (answer.page_id, answer.language, answer.revision_id) == (page.pk, "ar", page.live_revision_id)
    assert answer.was_clear is False
    assert answer.comment == "كلمة «مترجم» غير واضحة"
    assert answer.translation_status == "draft"


def test_the_page_thanks_the_reader_afterwards(starter_content, client):
    html = client.get("/ar/guides/free-interpreter/?feedback=thanks").content.decode()
    with translation.override("ar"):
        assert translation.gettext("Thank you. Your answer helps us make this page clearer.") in html


def test_an_answer_without_yes_or_no_is_refused_in_the_readers_language_keeping_the_comment(starter_content, client):
    response = client.post(FEEDBACK_URL, {"comment": "ما فهمت الفقرة الثانية"})
    html = response.content.decode()
    assert response.status_code == 400
    with translation.override("ar"):
        assert translation.gettext("Choose yes or no.") in html
    assert "ما فهمت الفقرة الثانية</textarea>" in html
    assert not ClarityFeedback.objects.exists()


def test_a_comment_that_is_too_long_is_refused_and_kept(starter_content, client):
    response = client.post(FEEDBACK_URL, {"was_clear": "yes", "comment": "ب" * 1001})
    assert response.status_code == 400
    assert "ب" * 1001 in response.content.decode()


def test_a_revision_that_is_not_this_pages_is_replaced_by_the_live_one(starter_content, client):
    client.post(FEEDBACK_URL, {"was_clear": "yes", "revision": "999999"})
    assert ClarityFeedback.objects.get().revision_id == guide("ar", "free-interpreter").live_revision_id


def test_answers_reach_the_editors_queue_until_handled(starter_content, client):
    client.post(FEEDBACK_URL, {"was_clear": "no", "comment": "too many words"})
    verified_login(client, person_with_role(CONTENT_EDITORS))
    queue = client.get("/staff/cms/reader-feedback/?language=ar").content.decode()
    assert "too many words" in queue
    assert guide("ar", "free-interpreter").title in queue
    answer = ClarityFeedback.objects.get()
    client.post(f"/staff/cms/reader-feedback/{answer.pk}/handled/")
    assert "too many words" not in client.get("/staff/cms/reader-feedback/").content.decode()
    assert "too many words" in client.get("/staff/cms/reader-feedback/?show=all").content.decode()


def test_people_who_are_not_editors_cannot_read_the_queue(starter_content, client):
    client.post(FEEDBACK_URL, {"was_clear": "no", "comment": "too many words"})
    verified_login(client, person_with_role(TRANSLATORS))
    refused = client.get("/staff/cms/reader-feedback/", follow=True)
    assert refused.redirect_chain == [("/staff/cms/", 302)]  # Wagtail's "no permission"
    assert "too many words" not in refused.content.decode()
