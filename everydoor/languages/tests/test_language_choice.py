import re

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from everydoor.languages.registry import all_languages

pytestmark = pytest.mark.django_db


def choices(response):
    """The languages offered, in order, by their codes."""
    return re.findall(r'<li><button type="submit" name="language" value="([^"]+)"', response.content.decode())


def test_the_first_screen_lists_every_language_in_its_own_script(client):
    page = client.get("/").content.decode()
    for language in all_languages():
        assert f'lang="{language.code}" dir="{language.direction}">{language.name_local}<' in page


def test_the_first_screen_shows_no_flags(client):
    page = client.get("/").content.decode()
    assert "<img" not in page
    assert not re.search("[\U0001f1e6-\U0001f1ff]", page)  # regional-indicator flag emoji


def test_the_browser_language_is_offered_first_without_choosing_for_the_person(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ti,en;q=0.5")
    assert response.status_code == 200
    offered = choices(response)
    assert offered[0] == "ti"
    assert len(offered) == len(all_languages())


def test_the_first_screen_speaks_the_browser_language(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in page


def test_afghan_persian_browsers_are_offered_dari_first(client):
    assert choices(client.get("/", HTTP_ACCEPT_LANGUAGE="fa-AF,fa;q=0.8"))[0] == "prs"


def test_a_returning_person_goes_straight_to_their_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "so"
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/so/"


def test_an_unknown_language_cookie_shows_the_first_screen(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get("/").status_code == 200


def test_visiting_a_language_remembers_it_in_a_private_cookie(client):
    response = client.get("/uk/")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "uk"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_the_url_prefix_decides_the_language_over_the_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get("/ckb/").content.decode()
    assert '<html lang="ckb" dir="rtl">' in page


def test_choosing_a_language_leads_to_its_home_page(client):
    response = client.post("/language/", {"language": "ar", "next": ""})
    assert response.status_code == 302 and response["Location"] == "/ar/"


def test_changing_language_keeps_the_person_on_the_same_page(client):
    page = client.get("/en/languages/", {"next": "/en/help-now/"}).content.decode()
    assert '<input type="hidden" name="next" value="/en/help-now/">' in page
    for code in ["ar", "zh-hant"]:
        response = client.post("/language/", {"language": code, "next": "/en/help-now/"})
        assert response["Location"] == f"/{code}/help-now/"


def test_every_page_links_to_the_language_chooser_with_the_current_page(client):
    page = client.get("/am/help-now/").content.decode()
    assert 'href="/am/languages/?next=/am/help-now/"' in page


def test_the_language_chooser_will_not_send_people_to_another_site(client):
    response = client.post("/language/", {"language": "ar", "next": "https://evil.example/"})
    assert response["Location"] == "/ar/"


def test_a_language_we_do_not_offer_goes_back_to_the_first_screen(client):
    response = client.post("/language/", {"language": "xx"})
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_language_chooser_marks_the_current_language(client):
    page = client.get("/pl/languages/").content.decode()
    assert 'value="pl" aria-current="true"' in page


@pytest.mark.parametrize("language", all_languages(), ids=lambda language: language.code)
def test_every_page_declares_its_language_and_direction(client, language):
    page = client.get(f"/{language.code}/").content.decode()
    assert f'<html lang="{language.code}" dir="{language.direction}">' in page


def test_right_to_left_languages_are_the_six_arabic_script_ones():
    rtl = {language.code for language in all_languages() if language.bidi}
    assert rtl == {"ar", "fa", "prs", "ps", "ur", "ckb"}


@pytest.mark.parametrize("code", ["prs", "ps", "ti", "am", "so"])
def test_django_knows_the_languages_it_lacked(code):
    info = get_language_info(code)
    assert info["name_local"] != info["name"]
    assert info["bidi"] == (code in {"prs", "ps"})
