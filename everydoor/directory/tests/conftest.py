import pytest


@pytest.fixture(autouse=True)
def empty_directory(db):
    """Each directory test starts from an empty directory: the test database holds the
    made-up feed for the public-page tests, and these tests import their own."""
    from everydoor.directory import models as m

    for model in (m.Service, m.Location, m.Organization, m.TaxonomyTerm, m.Postcode):
        model.objects.all().delete()


@pytest.fixture
def directory(tmp_path):
    """The made-up feed, and coordinates for two postcodes (East London, Manchester)."""
    from everydoor.directory.feed import import_services
    from everydoor.directory.postcodes import load_postcodes

    from .helpers import demo_services

    assert import_services(demo_services()).rejected == []
    onspd = tmp_path / "onspd.csv"
    onspd.write_text("pcds,lat,long\nE15 4QR,51.5410,-0.0050\nM14 5TQ,53.4490,-2.2210\n")
    load_postcodes(onspd)
