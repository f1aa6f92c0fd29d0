import pytest


@pytest.fixture(autouse=True)
def empty_directory(db):
    """Each directory test starts from an empty directory: the test database holds the
    made-up feed for the public-page tests, and these tests import their own."""
    from everydoor.directory import models as m

    for model in (m.Service, m.Location, m.Organization, m.TaxonomyTerm, m.Postcode):
        model.objects.all().delete()
