import pytest
from django.test import RequestFactory
from django.utils import translation

from everydoor.views import server_error

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_explained_in_the_persons_language(client):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_a_server_error_is_explained_in_the_persons_language_with_the_way_to_help():
    request = RequestFactory().get("/ti/help-now/")
    with translation.override("ti"):
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ti" dir="ltr">' in page
    assert 'href="/ti/help-now/"' in page
