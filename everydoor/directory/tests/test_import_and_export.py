import io
import json

import pytest
from django.core.management import CommandError, call_command

from everydoor.directory.feed import import_services, service_document
from everydoor.directory.models import Address, Location, Service, TaxonomyTerm

from .helpers import demo_services, without_empty

pytestmark = pytest.mark.django_db


def by_id(items):
    return sorted(items, key=lambda item: item["id"])


def normalised(document):
    """Lists compared whatever their order; times and amounts as export writes them."""
    document = without_empty(document)
    for key, value in list(document.items()):
        if isinstance(value, list):
            document[key] = by_id([normalised(item) if isinstance(item, dict) else item for item in value])
        elif isinstance(value, dict):
            document[key] = normalised(value)
        elif key in ("opens_at", "closes_at") and len(value) == 5:
            document[key] = value + ":00"
    return document


def test_a_realistic_multi_service_feed_imports_whole():
    report = import_services(demo_services())
    assert report.rejected == []
    assert len(report.imported) == Service.objects.count() == 5
    assert Location.objects.count() == 5
    assert Address.objects.get(location_id="demo-location-1").postcode_district == "E15"
    assert TaxonomyTerm.objects.filter(taxonomy="everydoor-access").count() == 7


def assert_holds(exported, given, path="service"):
    """Every value `given` had is in `exported` (which may add links such as service_id)."""
    if isinstance(given, dict):
        for key, value in given.items():
            assert key in exported, f"{path}.{key} lost"
            assert_holds(exported[key], value, f"{path}.{key}")
    elif isinstance(given, list):
        assert len(exported) == len(given), f"{path} has {len(exported)} items, not {len(given)}"
        for exported_item, given_item in zip(exported, given, strict=True):
            assert_holds(exported_item, given_item, path)
    else:
        assert exported == given, f"{path}: {exported!r} != {given!r}"


def test_an_imported_service_exports_everything_it_was_given():
    originals = demo_services()
    import_services(originals)
    for original in originals:
        exported = service_document(Service.objects.get(pk=original["id"]))
        assert_holds(normalised(exported), normalised(original))


def test_export_then_import_loses_nothing():
    import_services(demo_services())
    first = [service_document(service) for service in Service.objects.order_by("id")]
    Service.objects.all().delete()
    Location.objects.all().delete()
    TaxonomyTerm.objects.all().delete()
    assert import_services(json.loads(json.dumps(first))).rejected == []
    assert [service_document(service) for service in Service.objects.order_by("id")] == first


def test_fields_the_standard_has_and_we_do_not_use_are_kept():
    services = demo_services()
    services[0]["accreditations"] = "Quality Mark (made up)"
    services[0]["organization"]["year_incorporated"] = 1998
    import_services(services)
    exported = service_document(Service.objects.get(pk=services[0]["id"]))
    assert exported["accreditations"] == "Quality Mark (made up)"
    assert exported["organization"]["year_incorporated"] == 1998


def test_every_rejected_record_is_reported_and_nothing_of_it_is_kept():
    services = demo_services()
    del services[1]["name"]
    services[2]["status"] = "open"
    del services[3]["service_at_locations"][0]["location"]["addresses"][0]["postal_code"]
    services[4]["minimum_age"] = "sixteen"
    report = import_services(services)
    assert report.imported == [services[0]["id"]]
    reasons = {record_id: problems for _position, record_id, problems in report.rejected}
    assert reasons[services[1]["id"]] == ["service.name: required"]
    assert "service.status: 'open' is not one of" in reasons[services[2]["id"]][0]
    assert reasons[services[3]["id"]] == ["service.service_at_locations[0].location.addresses[0].postal_code: required"]
    assert reasons[services[4]["id"]] == ["service.minimum_age: 'sixteen' is not a valid PositiveSmallIntegerField"]
    assert list(Service.objects.values_list("id", flat=True)) == [services[0]["id"]]
    assert not Location.objects.filter(pk="demo-location-5").exists()


def test_importing_again_updates_in_place():
    import_services(demo_services())
    services = demo_services()
    services[0]["name"] = "Riverside Talking Therapies (demo, renamed)"
    services[0]["phones"] = []
    import_services(services)
    service = Service.objects.get(pk=services[0]["id"])
    assert service.name.endswith("renamed)")
    assert service.phones.count() == 0
    assert Service.objects.count() == 5


def test_the_import_command_reads_a_file_and_reports_rejections(tmp_path):
    services = demo_services()
    del services[0]["status"]
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"services": services}))
    output = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_openreferral", str(feed), stdout=output)
    assert "4 service(s) imported, 1 rejected" in output.getvalue()
    assert "service.status: required" in output.getvalue()


def test_the_import_command_refuses_a_file_that_is_not_a_feed(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text("{not json")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_openreferral", str(feed))


def test_a_feed_is_read_page_by_page_from_an_open_referral_api(site):
    """Our own API serves as the other directory: its pages of services import whole."""
    import_services(demo_services())
    before = [service_document(service) for service in Service.objects.order_by("id")]
    output = io.StringIO()
    call_command("import_openreferral", f"{site}/openreferral/", "--per-page", "2", stdout=output)
    assert "5 service(s) imported, 0 rejected" in output.getvalue()
    assert [service_document(service) for service in Service.objects.order_by("id")] == before
