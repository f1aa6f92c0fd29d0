import io

import polib
import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail_localize.models import StringTranslation, Translation

from everydoor.content.reviews import translation_state
from everydoor.content.roles import COMMUNITY_REVIEWERS, TRANSLATORS
from everydoor.testing.staff import verified_login

from .helpers import guide, person_with_role, publish_english_edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def translation_of(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def test_starter_translations_are_published_as_drafts_that_follow_their_english(starter_content):
    state = translation_state(guide("ar"))
    assert state.is_draft
    assert not state.out_of_date


def test_an_english_edit_marks_its_translations_out_of_date(starter_content):
    publish_english_edit()
    assert translation_state(guide("ar")).out_of_date
    assert translation_state(guide("ti")).out_of_date
    assert not translation_state(guide("ar", "free-interpreter")).out_of_date


def test_the_public_page_says_honestly_that_a_translation_is_out_of_date(starter_content, client):
    publish_english_edit()
    html = client.get("/ar/guides/register-with-a-gp/").content.decode()
    with translation.override("ar"):
        notice = translation.gettext("The English version of this page has changed since it was translated, "
                                     "so this translation may be out of date.")
    assert notice in html
    assert 'href="/en/guides/register-with-a-gp/"' in html


def test_an_english_edit_reaches_the_strings_translators_work_from(starter_content):
    publish_english_edit(first_paragraph="<p>A GP is your family doctor.</p>")
    exported = [entry.msgid for entry in translation_of(guide("ar")).export_po() if not entry.obsolete]
    assert "A GP is your family doctor." in exported


def upload_translated_po(client, page, translate, on_commit):
    """A translator downloads the page's .po, fills it with `translate`, uploads it and publishes
    (wagtail-localize publishes when the request's transaction commits: `on_commit` runs that)."""
    job = translation_of(page)
    download = client.get(f"/staff/cms/localize/translate/{job.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    for entry in po:
        entry.msgstr = translate(entry.msgid)
    upload = io.BytesIO(str(po).encode())
    upload.name = "translation.po"
    response = client.post(f"/staff/cms/localize/translate/{job.pk}/pofile/upload/", {"file": upload})
    assert response.status_code == 302
    with on_commit(execute=True):
        published = client.post(f"/staff/cms/pages/{page.pk}/edit/", {"action": "publish"})
    assert published.status_code in (200, 302)
    return guide(page.locale.language_code, page.slug)


def test_a_po_round_trip_keeps_link_placeholders_and_their_addresses(starter_content, client, on_commit):
    verified_login(client, person_with_role(TRANSLATORS))
    page = upload_translated_po(client, guide("ar", "talking-therapies"), lambda msgid: f"[ar] {msgid}", on_commit)
    html = client.get("/ar/guides/talking-therapies/").content.decode()
    assert '[ar] EveryDoor can send your form for you, in your language. <a href="/ar/refer/">' in html
    assert '<a href="/ar/help-now/">[ar]' not in html  # the link text is inside the translated sentence
    assert page.title.startswith("[ar] ")


def test_a_translation_that_drops_a_link_placeholder_is_flagged_and_not_used(starter_content, client, on_commit):
    verified_login(client, person_with_role(TRANSLATORS))
    upload_translated_po(
        client, guide("ar", "talking-therapies"), lambda msgid: msgid.replace('<a id="a1">', "<a>"), on_commit
    )
    broken = StringTranslation.objects.filter(locale__language_code="ar", data__contains="<a>")
    assert broken.exists()
    assert all(string.has_error for string in broken)
    assert 'href="/ar/refer/"' in client.get("/ar/guides/talking-therapies/").content.decode()


def test_updating_an_out_of_date_translation_brings_it_up_to_date_as_a_draft(starter_content, client, on_commit):
    publish_english_edit(first_paragraph="<p>A GP is your family doctor.</p>")
    verified_login(client, person_with_role(TRANSLATORS))
    upload_translated_po(client, guide("ar"), lambda msgid: f"[ar] {msgid}", on_commit)
    state = translation_state(guide("ar"))
    assert not state.out_of_date
    assert state.is_draft


def approve(client, page):
    return client.post(f"/staff/cms/translation-review/{page.pk}/approve/")


def test_a_community_reviewer_approves_a_translation_and_the_page_says_it_was_checked(starter_content, client):
    verified_login(client, person_with_role(COMMUNITY_REVIEWERS))
    assert approve(client, guide("ti")).status_code == 302
    assert translation_state(guide("ti")).status == "community-reviewed"
    html = client.get("/ti/guides/register-with-a-gp/").content.decode()
    with translation.override("ti"):
        assert translation.gettext("Draft translation: a community reviewer has not checked it yet.") not in html


def test_only_a_community_reviewer_can_approve(starter_content, client):
    verified_login(client, person_with_role(TRANSLATORS))
    refused = approve(client, guide("ti"))
    assert refused.status_code == 302 and refused["Location"] == "/staff/cms/"  # Wagtail's "no permission"
    assert translation_state(guide("ti")).is_draft


def test_an_out_of_date_translation_cannot_be_approved(starter_content, client):
    publish_english_edit()
    verified_login(client, person_with_role(COMMUNITY_REVIEWERS))
    approve(client, guide("ar"))
    assert translation_state(guide("ar")).is_draft


def test_new_wording_after_approval_is_a_draft_again(starter_content, client, on_commit):
    verified_login(client, person_with_role(COMMUNITY_REVIEWERS))
    approve(client, guide("ar"))
    verified_login(client, person_with_role(TRANSLATORS))
    upload_translated_po(client, guide("ar"), lambda msgid: f"[ar] {msgid}", on_commit)
    assert translation_state(guide("ar")).is_draft


def test_the_review_screen_shows_progress_and_status_per_translation(starter_content, client):
    publish_english_edit()
    verified_login(client, person_with_role(COMMUNITY_REVIEWERS))
    html = client.get("/staff/cms/translation-review/?language=ar").content.decode()
    row = html[html.index('data-page="register-with-a-gp"'):][:1500]
    assert "Out of date" in row
    assert "Draft" in row
    assert " strings" in row


def test_translation_status_covers_content_and_read_aloud(starter_content):
    publish_english_edit()
    output = io.StringIO()
    call_command("translation_status", stdout=output)
    lines = {line.split()[0]: line.split() for line in output.getvalue().splitlines()[1:]}
    # code, name, strings, translated, reviewed, pages, translated, reviewed, outdated, audio, ...
    # 8 guides, 5 course sessions, 5 digital-skills lessons, 4 helper training modules
    assert lines["ar"][5:9] == ["22", "22", "0", "1"]
    assert lines["fr"][5:9] == ["22", "22", "0", "1"]
    guide("fa", "free-interpreter").delete()
    output = io.StringIO()
    call_command("translation_status", stdout=output)
    assert output.getvalue().split("\nfa Farsi")[1].split()[3:7] == ["22", "21", "0", "1"]
    assert "no voice: text only" in " ".join(lines["ti"])


def test_every_starter_translation_keeps_its_placeholders(starter_content):
    strings = StringTranslation.objects.filter(locale__language_code__in=["ar", "ti"])
    assert strings.count() > 150
    assert not strings.filter(has_error=True).exists()


def test_translators_cannot_change_the_english_source(starter_content, client):
    verified_login(client, person_with_role(TRANSLATORS))
    assert client.get(f"/staff/cms/pages/{guide('en').pk}/edit/").status_code == 302
    assert client.get(f"/staff/cms/pages/{guide('ar').pk}/edit/").status_code == 200


def test_exporting_the_starter_po_gives_back_every_translation_that_was_loaded(starter_content, tmp_path):
    from everydoor.content.starter import po_path

    call_command("load_content", "--export-po", str(tmp_path), "--language", "ti", verbosity=0)
    exported = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(str(tmp_path / "ti.po"))}
    stored = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(str(po_path("ti")))}
    assert exported == stored
