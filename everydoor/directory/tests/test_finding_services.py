import datetime
import zoneinfo

import pytest
from django.utils import translation

from everydoor.directory.models import Service, ServiceTranslation
from everydoor.directory.search import DirectoryQuery, search_directory

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def ids(results):
    return [result.service.id for result in results]


def test_a_postcode_ranks_services_by_distance_and_adds_phone_services(directory):
    results = search_directory(DirectoryQuery(postcode="E15 4QR", within_km=10), "en")
    assert ids(results) == ["demo-service-1", "demo-service-2", "demo-service-5", "demo-service-3"]
    assert results[0].distance_metres < 1000
    assert results[-1].distance_metres is None  # the phone line


def test_search_by_the_language_staff_speak(directory):
    assert ids(search_directory(DirectoryQuery(language="ti"), "en")) == ["demo-service-2"]
    assert set(ids(search_directory(DirectoryQuery(language="prs"), "en"))) == {"demo-service-4"}
    assert "demo-service-1" in ids(search_directory(DirectoryQuery(language="ar"), "en"))


def test_search_by_need_cost_and_age(directory):
    assert set(ids(search_directory(DirectoryQuery(need="everydoor-need-talking-therapy"), "en"))) == {
        "demo-service-1", "demo-service-5"
    }
    assert "demo-service-5" not in ids(search_directory(DirectoryQuery(free_only=True), "en"))
    assert "demo-service-1" not in ids(search_directory(DirectoryQuery(age=16), "en"))


def test_open_now_follows_the_weekly_schedules(directory):
    wednesday_11am = datetime.datetime(2026, 12, 2, 11, 0, tzinfo=LONDON)
    saturday_1pm = datetime.datetime(2026, 12, 5, 13, 0, tzinfo=LONDON)
    assert set(ids(search_directory(DirectoryQuery(open_now=True), "en", now=wednesday_11am))) == {
        "demo-service-1", "demo-service-2", "demo-service-3"
    }
    assert ids(search_directory(DirectoryQuery(open_now=True), "en", now=saturday_1pm)) == ["demo-service-4"]


def test_inactive_services_are_not_offered(directory):
    closed = Service.objects.get(pk="demo-service-2")
    closed.status = Service.Status.TEMPORARILY_CLOSED
    closed.save()
    assert "demo-service-2" not in ids(search_directory(DirectoryQuery(), "en"))


def test_an_arabic_search_with_a_postcode_shows_distance_and_the_original_with_a_note(directory, client):
    query = {"postcode": "E15 4QR", "need": "everydoor-need-talking-therapy"}
    html = client.get("/ar/services/", query).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h3 lang="en" dir="ltr">Riverside Talking Therapies (demo)</h3>' in html
    with translation.override("ar"):
        assert translation.gettext("This description is in English: it has not been translated yet.") in html
    assert 'href="tel:02079460001"' in html
    assert "km" in html or "كم" in html


def test_a_translated_description_is_shown_in_the_readers_language(directory, client):
    ServiceTranslation.objects.create(service_id="demo-service-1", language="ar", name="العلاج بالكلام (تجريبي)",
                                      description="علاج مجاني بالكلام للبالغين.")
    html = client.get("/ar/services/", {"need": "everydoor-need-talking-therapy"}).content.decode()
    assert "<h3>العلاج بالكلام (تجريبي)</h3>" in html
    assert "علاج مجاني بالكلام للبالغين." in html


def test_what_a_person_typed_wrongly_is_explained_and_kept(directory, client):
    response = client.get("/ti/services/", {"postcode": "not a postcode", "age": "ten", "language": "ti"})
    html = response.content.decode()
    assert response.status_code == 400
    with translation.override("ti"):
        assert translation.gettext("This does not look like a UK postcode, like E15 4QR. Please check it.") in html
        assert translation.gettext("Please write the age as a number.") in html
    assert 'value="not a postcode"' in html
    assert '<option value="ti" selected>' in html


def test_the_printable_list_holds_the_same_services(directory, client):
    html = client.get("/en/services/print/", {"language": "ti"}).content.decode()
    assert "Women&#x27;s peer circle (demo)" in html
    assert "site-header" not in html
