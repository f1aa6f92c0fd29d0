import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/en/", "/ur/help-now/", "/so/languages/", "/en/missing-page/"])
def test_every_page_has_a_quick_exit_to_a_neutral_site(client, path):
    page = client.get(path).content.decode()
    assert f'<a class="quick-exit" href="{settings.QUICK_EXIT_URL}" rel="noreferrer" data-quick-exit>' in page


@pytest.mark.parametrize("path", ["/", "/en/", "/ur/help-now/", "/en/missing-page/"])
def test_every_page_has_a_skip_link_and_a_get_help_now_link(client, path):
    page = client.get(path).content.decode()
    assert 'class="skip-link" href="#main"' in page
    assert 'class="help-now-link" href="/' in page
    assert '<main id="main"' in page
