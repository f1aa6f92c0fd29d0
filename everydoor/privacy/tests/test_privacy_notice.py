"""The privacy notice shows the deploying service's facts exactly as written, in the reader's
language where the service wrote one and otherwise in English marked as English; a broken
facts file is caught by the system check; the retention periods shown are those in force."""

import html
import json

import pytest
from django.core import checks

pytestmark = pytest.mark.django_db

FACTS = {
    "data_controller": "Riverside Health Partnership",
    "data_controller_contact": "privacy@riverside.example, 1 River Street, London",
    "data_protection_officer": {"en": "Sam Patel, dpo@riverside.example", "ar": "سام باتيل، dpo@riverside.example"},
    "who_can_see": [
        {"en": "Only our helpers and their supervisors see your case.",
         "ar": "يرى حالتك المساعدون والمشرفون عليهم فقط."},
        "Texts go through our messaging company.",
    ],
    "shared_with_authorities": [{"en": "We tell the Home Office nothing about you."}],
    "complaints": {"en": "Write to us first. Then you can go to the ICO."},
}


@pytest.fixture
def facts_file(tmp_path, settings):
    """Writes `facts` as the service's facts file and points the setting at it."""

    def write(facts):
        path = tmp_path / "privacy_facts.json"
        path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        settings.PRIVACY_FACTS_FILE = path

    write(FACTS)
    return write


def notice(client, language):
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_services_facts_are_shown_exactly_as_written(client, facts_file):
    page = notice(client, "en")
    for text in ["Riverside Health Partnership", "privacy@riverside.example, 1 River Street, London",
                 "Sam Patel, dpo@riverside.example", "Only our helpers and their supervisors see your case.",
                 "Texts go through our messaging company.", "We tell the Home Office nothing about you.",
                 "Write to us first. Then you can go to the ICO."]:
        assert html.escape(text) in page


def test_a_fact_the_service_wrote_in_the_readers_language_is_shown_in_it(client, facts_file):
    page = notice(client, "ar")
    assert '<p class="fact">يرى حالتك المساعدون والمشرفون عليهم فقط.</p>' in page
    assert "Only our helpers" not in page


def test_a_fact_with_no_version_in_the_readers_language_is_shown_in_english_marked_as_english(client, facts_file):
    page = notice(client, "ar")
    assert '<p class="fact" lang="en" dir="ltr">We tell the Home Office nothing about you.</p>' in page
    assert '<p class="fact" lang="en" dir="ltr">Texts go through our messaging company.</p>' in page


def test_english_facts_on_the_english_notice_are_not_marked_again(client, facts_file):
    assert '<p class="fact">We tell the Home Office nothing about you.</p>' in notice(client, "en")


def test_a_facts_file_missing_a_required_fact_fails_the_system_check(facts_file):
    facts_file({key: value for key, value in FACTS.items() if key != "complaints"})
    errors = checks.run_checks(tags=["privacy"])
    assert [error.id for error in errors] == ["privacy.E001"]
    assert "'complaints' is missing" in errors[0].msg


def test_a_fact_with_no_english_text_fails_the_system_check(facts_file):
    facts_file({**FACTS, "complaints": {"ar": "اكتب إلينا أولاً."}})
    errors = checks.run_checks(tags=["privacy"])
    assert [error.id for error in errors] == ["privacy.E001"]
    assert "'complaints' has no English text" in errors[0].msg


def test_a_facts_file_that_is_not_json_fails_the_system_check(settings, tmp_path):
    settings.PRIVACY_FACTS_FILE = tmp_path / "privacy_facts.json"
    settings.PRIVACY_FACTS_FILE.write_text('{"data_controller": ', encoding="utf-8")
    assert [error.id for error in checks.run_checks(tags=["privacy"])] == ["privacy.E001"]


def test_the_demo_facts_pass_the_checks_and_the_notice_says_they_are_a_demo(client):
    assert checks.run_checks(tags=["privacy"]) == []
    assert "Demo: replace before going live." in notice(client, "en")


def test_the_notice_shows_the_retention_periods_in_force(client, settings):
    audit_log = "<dt>Records of which staff looked at or changed your details</dt>\n  <dd>How long: <strong>{}</strong>"
    assert audit_log.format("8 years") in notice(client, "en")
    settings.RETENTION_DAYS = {"audit_log": 3650}
    assert audit_log.format("10 years") in notice(client, "en")


def test_the_notice_reads_right_to_left_in_arabic(client):
    assert '<html lang="ar" dir="rtl">' in notice(client, "ar")


def test_the_notice_links_to_your_data_in_the_readers_language(client):
    assert 'href="/fa/your-data/"' in notice(client, "fa")


def test_every_page_links_to_the_privacy_notice_in_its_footer(client):
    footer = client.get("/so/").content.decode().split('<footer class="site-footer">')[1]
    assert 'href="/so/privacy/"' in footer
