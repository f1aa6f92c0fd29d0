import re

import polib
import pytest
from django.utils import translation

from everydoor.content.facts import all_facts
from everydoor.content.placeholders import placeholders_match
from everydoor.content.starter import STARTER_DIR, starter_data
from everydoor.crisis.lines import crisis_lines
from everydoor.testing.staff import verified_login

from .helpers import guide

pytestmark = pytest.mark.django_db


def test_a_guide_is_shown_in_the_readers_language_right_to_left(starter_content, client):
    response = client.get("/ar/guides/register-with-a-gp/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert guide("ar").title in html


def test_a_draft_translation_says_so_on_the_page(starter_content, client):
    html = client.get("/ti/guides/free-interpreter/").content.decode()
    with translation.override("ti"):
        assert translation.gettext("Draft translation: a community reviewer has not checked it yet.") in html


def test_a_guide_not_yet_translated_is_shown_in_english_and_says_so(starter_content, client):
    guide("fa").delete()
    html = client.get("/fa/guides/register-with-a-gp/").content.decode()
    assert '<article class="content-page" lang="en" dir="ltr">' in html
    assert guide("en").title in html
    with translation.override("fa"):
        assert translation.gettext("This page is not in your language yet, so it is shown in English.") in html


def test_an_unknown_guide_is_not_found(starter_content, client):
    assert client.get("/ar/guides/no-such-guide/").status_code == 404


def test_the_guide_list_offers_every_starter_guide(starter_content, client):
    html = client.get("/ti/guides/").content.decode()
    for entry in starter_data()["guides"]:
        assert f'href="/ti/guides/{entry["slug"]}/"' in html


def test_links_inside_a_guide_stay_in_the_readers_language(starter_content, client):
    html = client.get("/ar/guides/talking-therapies/").content.decode()
    assert 'href="/ar/refer/"' in html
    assert 'href="/ar/help-now/"' in html
    assert 'href="/refer/"' not in html


def test_every_fact_shows_its_source_and_the_date_it_was_checked(starter_content, client):
    html = client.get("/en/guides/health-costs-hc2/").content.decode()
    fact = all_facts()["hc2-asylum-support"]
    assert f'href="{fact.source}"' in html
    assert fact.checked in html


def test_the_urgent_help_guide_shows_the_crisis_lines_from_their_data_file(starter_content, client):
    html = client.get("/ti/guides/urgent-help/").content.decode()
    for line in crisis_lines("ti"):
        if line.tel:
            assert f'href="tel:{line.tel}"' in html


def test_every_phone_number_in_a_guide_comes_from_the_facts_or_crisis_data():
    known = {number for fact in all_facts().values() for number in fact.numbers}
    known |= {line.number for line in crisis_lines("en")} | {line.sms for line in crisis_lines("en") if line.sms}
    text = str(starter_data())
    numbers = set(re.findall(r"\b0\d{3} ?\d{3,4} ?\d{3,4}\b", text))
    assert numbers, "the starter guides give phone numbers"
    assert numbers <= known


def test_every_fact_a_guide_cites_is_in_the_facts_file():
    cited = {block["value"]["fact"] for entry in starter_data()["guides"] for block in entry["body"]
             if block["type"] == "fact"}
    assert cited <= set(all_facts())


@pytest.mark.parametrize("path", sorted(STARTER_DIR.glob("*.po")), ids=lambda path: path.stem)
def test_every_starter_translation_is_complete_a_draft_and_keeps_its_tags(path):
    entries = polib.pofile(str(path))
    assert len(entries) == 327  # every string of the 22 starter pages (guides, course, lessons, training)
    for entry in entries:
        assert entry.msgstr, entry.msgctxt
        assert "review: draft" in entry.tcomment
        assert placeholders_match(entry.msgid, entry.msgstr), entry.msgctxt
        assert set(re.findall(r"\d{3,}", entry.msgid)) <= set(re.findall(r"\d{3,}", entry.msgstr)), entry.msgctxt


def test_wagtail_adds_nothing_to_a_public_page(starter_content, client):
    response = client.get("/ar/guides/urgent-help/")
    html = response.content.decode()
    assert "wagtail" not in html.lower()
    assert "userbar" not in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert html.count("<script") == len(scripts) == 2
    assert all(re.match(r"/static/everydoor/(quick-exit|offline)\.[0-9a-f]+\.js$", src) for src in scripts)
    assert set(response.cookies) <= {"csrftoken", "everydoor_language"}  # both ours
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "no-store"


def test_the_editors_admin_allows_its_own_frames_but_public_pages_forbid_them(starter_content, client):
    public = client.get("/en/guides/")
    admin = client.get("/staff/cms/login/")
    assert public["X-Frame-Options"] == "DENY"
    assert admin["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]


def test_the_service_worker_is_served_from_the_root_and_is_small(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert len(response.content) < 2500


def test_a_deployment_adds_missing_starter_guides_but_keeps_editors_changes(starter_content):
    from everydoor.content.starter import load_starter_content

    page = guide("en", "free-interpreter")
    page.title = "Free interpreters (edited by our team)"
    page.save_revision().publish()
    guide("ar", "help-for-a-child").delete()
    load_starter_content(["ar"], update_existing=False)
    assert guide("en", "free-interpreter").title == "Free interpreters (edited by our team)"
    assert guide("ar", "help-for-a-child").live


def test_a_self_help_session_is_read_heard_and_asks_was_this_clear(starter_content, client):
    from everydoor.content.models import SelfHelpSessionPage
    from everydoor.readaloud.models import Recording

    session = SelfHelpSessionPage.objects.get(locale__language_code="en", slug="managing-stress")
    session.save_revision().publish()  # publishing asks for its audio (the test database starts with none)
    html = client.get("/en/self-help/managing-stress/").content.decode()
    assert "<h2>Practise: slow breathing</h2>" in html
    assert 'action="/en/self-help/managing-stress/clear/"' in html
    assert Recording.objects.filter(language="en", text__contains="Breathe out slowly through your mouth").exists()
    assert client.post("/en/self-help/managing-stress/clear/", {"was_clear": "yes"}).status_code == 302
    assert session.clarity_feedback.count() == 1


def test_editors_work_in_the_admin_and_its_preview_is_our_public_template(starter_content, client):
    from everydoor.content.roles import CONTENT_EDITORS

    from .helpers import person_with_role

    verified_login(client, person_with_role(CONTENT_EDITORS))
    page = guide("en")
    assert client.get(f"/staff/cms/pages/{page.pk}/edit/").status_code == 200
    preview = client.get(f"/staff/cms/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert b'<article class="content-page">' in preview.content
    assert b"Was this clear?" not in preview.content


def test_translators_open_a_translation_in_wagtail_localizes_editor(starter_content, client):
    from everydoor.content.roles import TRANSLATORS

    from .helpers import person_with_role

    verified_login(client, person_with_role(TRANSLATORS))
    response = client.get(f"/staff/cms/pages/{guide('ti').pk}/edit/")
    assert response.status_code == 200
    assert b"pofile/download" in response.content


def test_loading_the_starter_content_keeps_wagtails_page_tree_sound(starter_content):
    from wagtail.models import Page

    from everydoor.content.starter import load_starter_content

    load_starter_content(["ar", "fr"])
    assert all(not problems for problems in Page.find_problems())


def test_an_editor_previews_a_translation_and_the_guide_list_in_their_language(starter_content, client):
    from everydoor.content.models import GuideIndexPage
    from everydoor.content.roles import CONTENT_EDITORS

    from .helpers import person_with_role

    verified_login(client, person_with_role(CONTENT_EDITORS))
    preview = client.get(f"/staff/cms/pages/{guide('ar').pk}/view_draft/").content.decode()
    assert '<html lang="ar" dir="rtl">' in preview
    index = GuideIndexPage.objects.get(locale__language_code="ti")
    listing = client.get(f"/staff/cms/pages/{index.pk}/view_draft/")
    assert listing.status_code == 200
    assert b'href="/ti/guides/urgent-help/"' in listing.content
