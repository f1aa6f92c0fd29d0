"""The editors' admin in a real Chromium: a translator signs in, changes a string in
wagtail-localize's editor and publishes; the public page shows it as a draft translation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from everydoor.content.reviews import translation_state
from everydoor.content.roles import TRANSLATORS, ensure_content_roles
from everydoor.testing.staff import authenticator, current_code

from .helpers import guide

pytestmark = pytest.mark.browser


def test_a_translator_signs_in_edits_a_string_and_publishes(site, starter_content, new_page):
    ensure_content_roles()
    translator = get_user_model().objects.create_user("amina", password="a long pass phrase")
    translator.groups.add(Group.objects.get(name=TRANSLATORS))
    device = authenticator(translator)
    page = new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site}/staff/cms/login/")
    page.fill("input[name=username]", "amina")
    page.fill("input[name=password]", "a long pass phrase")
    page.click("button[type=submit]")
    page.fill("#id_code", current_code(device))  # the second step
    page.click("main button[type=submit]")
    page.wait_for_url("**/staff/cms/")
    page.goto(f"{site}/staff/cms/pages/{guide('ar', 'urgent-help').pk}/edit/")
    page.get_by_role("button", name="Edit").first.click()
    page.locator("textarea").first.fill("المساعدة العاجلة")
    page.get_by_role("button", name="Save").first.click()
    page.get_by_role("button", name="Publish in Arabic").click()
    page.wait_for_load_state("networkidle")
    page.goto(f"{site}/ar/guides/urgent-help/")
    assert page.locator("h1").inner_text() == "المساعدة العاجلة"
    assert translation_state(guide("ar", "urgent-help")).is_draft
    assert errors == []
