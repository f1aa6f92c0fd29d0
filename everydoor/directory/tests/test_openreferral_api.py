import pytest

from everydoor.directory.feed import import_services
from everydoor.directory.grid import grid_to_latitude_longitude
from everydoor.directory.postcodes import load_postcodes

from .helpers import demo_services

pytestmark = pytest.mark.django_db
ENVELOPE = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


@pytest.fixture
def directory():
    assert import_services(demo_services()).rejected == []


@pytest.fixture
def postcodes(tmp_path):
    """A small ONS Postcode Directory extract, made up for the test."""
    onspd = tmp_path / "onspd.csv"
    onspd.write_text("pcd,pcds,lat,long\nE15 4QR,E15 4QR,51.5410,-0.0050\nE1  6AN,E1 6AN,51.5205,-0.0705\n"
                     "ZZ9 9ZZ,ZZ9 9ZZ,99.999999,0.000000\n")
    assert load_postcodes(onspd) == 2


def test_the_root_says_which_standard_it_serves(client):
    assert client.get("/openreferral/").json()["version"] == "HSDS-UK-3.0"


def test_services_come_in_the_standards_paging_envelope(client, directory):
    first = client.get("/openreferral/services", {"per_page": 2}).json()
    assert set(first) == ENVELOPE
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (5, 3, 1, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    last = client.get("/openreferral/services", {"per_page": 2, "page": 3}).json()
    assert last["last_page"] and len(last["contents"]) == 1
    beyond = client.get("/openreferral/services", {"per_page": 2, "page": 9}).json()
    assert beyond["empty"] and beyond["contents"] == []


def test_a_service_is_the_fully_nested_document(client, directory):
    service = client.get("/openreferral/services/demo-service-2").json()
    assert service["organization"]["name"] == "Refugee Women's Circle (demo)"
    assert service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "E1 6AN"
    assert {language["code"] for language in service["languages"]} == {"en", "ti", "am"}
    assert any(attribute["taxonomy_term"]["id"] == "everydoor-access-women-only" for attribute in service["attributes"])


def test_an_unknown_service_is_a_404_in_json(client, directory):
    response = client.get("/openreferral/services/no-such-service")
    assert response.status_code == 404
    assert "error" in response.json()


def test_services_filter_by_taxonomy_term_search_and_age(client, directory):
    peer = client.get("/openreferral/services", {"taxonomy_term_id": "everydoor-need-peer-support"}).json()
    assert {service["id"] for service in peer["contents"]} == {"demo-service-2", "demo-service-4"}
    assert client.get("/openreferral/services", {"search": "counselling"}).json()["total_items"] == 1
    adults_only_excluded = client.get("/openreferral/services", {"maximum_age": 17}).json()
    assert "demo-service-1" not in {service["id"] for service in adults_only_excluded["contents"]}


def test_bad_parameters_get_a_400_with_a_message(client, directory):
    response = client.get("/openreferral/services", {"page": "two"})
    assert response.status_code == 400
    assert response.json()["error"] == "page must be a whole number"
    assert client.get("/openreferral/services", {"per_page": "0"}).status_code == 400


def test_service_at_locations_near_a_postcode_are_ranked_by_distance(client, directory, postcodes):
    near = client.get("/openreferral/service_at_locations", {"postcode": "e15 4qr", "proximity": "10000"}).json()
    assert [place["service_id"] for place in near["contents"]] == [
        "demo-service-1", "demo-service-2", "demo-service-5"
    ]
    distances = [place["distance"] for place in near["contents"]]
    assert distances == sorted(distances)
    assert distances[0] < 1000
    assert 4000 < distances[1] < 6000


def test_without_coordinates_a_postcode_finds_services_in_its_district(client, directory):
    found = client.get("/openreferral/service_at_locations", {"postcode": "E15 1AA"}).json()
    assert [place["service_id"] for place in found["contents"]] == ["demo-service-1"]
    assert "distance" not in found["contents"][0]


def test_taxonomies_and_terms_are_listed(client, directory):
    assert {item["id"] for item in client.get("/openreferral/taxonomies").json()["contents"]} == {
        "everydoor-access", "everydoor-needs"
    }
    terms = client.get("/openreferral/taxonomy_terms", {"taxonomy_id": "everydoor-needs", "per_page": 100}).json()
    assert terms["total_items"] == 5


def test_code_point_open_grid_references_become_latitude_and_longitude():
    # Ordnance Survey's worked example (A guide to coordinate systems in Great Britain, C.2).
    latitude, longitude = grid_to_latitude_longitude(651409.903, 313177.270)
    assert latitude == pytest.approx(52 + 39 / 60 + 27.2531 / 3600, abs=1e-6)
    assert longitude == pytest.approx(1 + 43 / 60 + 4.5177 / 3600, abs=1e-6)


def test_the_postcode_command_loads_a_code_point_open_file(tmp_path):
    from django.core.management import call_command

    from everydoor.directory.location import coordinates_of

    codepoint = tmp_path / "e15.csv"
    codepoint.write_text('"E15 4QR",10,538800,184600,"E92000001","","E13000001","E09000025","E05013911"\n')
    call_command("load_postcodes", str(codepoint), verbosity=0)
    latitude, longitude = coordinates_of("E154QR")
    assert latitude == pytest.approx(51.54, abs=0.01)
    assert longitude == pytest.approx(-0.005, abs=0.01)
