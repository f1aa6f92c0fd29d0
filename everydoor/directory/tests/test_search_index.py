"""Search reads one row per service at a location (index.py); these tests change the Open
Referral tables the ways editors and imports do and check that search keeps up."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.forms.models import model_to_dict

from everydoor.directory import models as m
from everydoor.directory.feed import import_services
from everydoor.directory.index import refresh_search_entries
from everydoor.directory.search import DirectoryQuery, search_directory

from .helpers import demo_services

pytestmark = pytest.mark.django_db


def found(**query):
    return [result.service.id for result in search_directory(DirectoryQuery(**query), "en")]


def entries():
    return {entry.pk: model_to_dict(entry) for entry in m.SearchEntry.objects.all()}


def test_every_service_at_a_location_has_an_entry_built_as_a_full_rebuild_would(directory):
    kept = entries()
    assert set(kept) == set(m.ServiceAtLocation.objects.values_list("pk", flat=True))
    assert kept["demo-service-1-at-1"]["languages"] == "|ar|en|"
    assert "|E15|" in kept["demo-service-1-at-1"]["districts"]
    assert "|NEWHAM|" in kept["demo-service-1-at-1"]["districts"]
    m.SearchEntry.objects.all().delete()
    output = io.StringIO()
    call_command("refresh_directory_search", stdout=output)
    assert output.getvalue() == f"{len(kept)} search entries rebuilt\n"
    assert entries() == kept


def test_edits_to_a_services_lists_change_what_search_finds(directory):
    m.Language.objects.filter(service_id="demo-service-1", code="en").delete()
    m.Attribute.objects.filter(service_id="demo-service-1", value="ar").delete()
    m.Language.objects.filter(service_id="demo-service-1", code="ar").delete()
    assert "demo-service-1" not in found(language="ar")

    m.CostOption.objects.filter(service_id="demo-service-5").delete()
    m.CostOption.objects.create(id="demo-service-5-free", service_id="demo-service-5", option="Free")
    assert "demo-service-5" in found(free_only=True)

    m.Attribute.objects.create(id="demo-service-5-faith", service_id="demo-service-5",
                               taxonomy_term_id="everydoor-need-talking-therapy")
    m.Attribute.objects.filter(service_id="demo-service-1", taxonomy_term_id="everydoor-need-talking-therapy").delete()
    assert found(need="everydoor-need-talking-therapy") == ["demo-service-5"]

    kept = entries()
    refresh_search_entries()
    assert entries() == kept


def test_a_shared_location_moved_by_one_import_moves_every_service_there(directory):
    sharing = demo_services()[2]
    sharing["id"], sharing["name"] = "demo-service-sharing", "Drop-in at the health centre (demo)"
    sharing["service_at_locations"] = [{"id": "demo-sharing-at-1", "location_id": "demo-location-1"}]
    for key in ("phones", "schedules", "cost_options", "service_areas", "languages", "attributes", "contacts"):
        sharing[key] = []
    assert import_services([sharing]).rejected == []
    assert "demo-service-sharing" in found(postcode="E15 4QR", within_km=5)

    moved = demo_services()[0]
    location = moved["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = 53.4500, -2.2200  # to Manchester
    location["addresses"][0]["postal_code"] = "M14 5TQ"
    assert import_services([moved]).rejected == []
    near_manchester = found(postcode="M14 5TQ", within_km=5)
    assert {"demo-service-1", "demo-service-sharing"} <= set(near_manchester)
    assert "demo-service-sharing" not in found(postcode="E15 4QR", within_km=5)
    # Without coordinates for the postcode, the district still finds the moved place.
    assert "demo-service-sharing" in found(postcode="M14 9ZZ")
    assert "demo-service-sharing" not in found(postcode="E15 9ZZ")


def test_a_failed_import_leaves_the_entries_as_they_were(directory):
    kept = entries()
    broken = demo_services()[0]
    broken["name"] = "Renamed (demo)"
    broken["service_at_locations"].append({"id": "demo-service-1-at-2", "location_id": "no-such-location"})
    assert import_services([broken]).rejected
    assert entries() == kept


def test_deleting_a_service_removes_its_entries(directory):
    m.Service.objects.get(pk="demo-service-2").delete()
    assert not m.SearchEntry.objects.filter(service_id="demo-service-2").exists()
    assert "demo-service-2" not in found()


@pytest.mark.django_db(transaction=True)
def test_the_migration_builds_entries_for_services_already_imported(directory):
    m.SearchEntry.objects.all().delete()
    executor = MigrationExecutor(connection)
    executor.migrate([("directory", "0001_initial")])
    executor.loader.build_graph()
    executor.migrate([("directory", "0002_search_entry")])
    assert set(m.SearchEntry.objects.values_list("pk", flat=True)) == set(
        m.ServiceAtLocation.objects.values_list("pk", flat=True))
    assert found(language="ti") == ["demo-service-2"]
