import re

import pytest

from everydoor.equity.models import EquityProfile
from everydoor.equity.profiles import SESSION_KEY

pytestmark = pytest.mark.django_db

ANSWERS = {"age_band": "25-34", "gender": "woman", "ethnicity": "other_arab", "country_of_birth": "Syria",
           "migration_situation": "refugee", "time_in_uk": "1-5", "main_language": "ar",
           "disability": "prefer_not", "postcode": "e15 4lz"}


def test_every_question_is_optional_and_offers_prefer_not_to_say(client):
    page = client.get("/ar/about-you/").content.decode()
    assert 'dir="rtl"' in page
    for name in ["age_band", "gender", "migration_situation", "time_in_uk", "disability"]:
        assert re.search(rf'name="{name}" value="prefer_not"', page), name
    assert 'value="prefer_not"' in page.split('name="ethnicity"')[1].split("</select>")[0]
    assert client.post("/ar/about-you/", {}).status_code == 302  # nothing answered is fine
    assert EquityProfile.objects.get().age_band == ""


def test_answers_are_kept_apart_from_identity_with_only_the_postcode_district(client):
    response = client.post("/en/about-you/", ANSWERS)
    assert response["Location"] == "/en/about-you/?saved=1"
    profile = EquityProfile.objects.get()
    assert str(profile.journey) == client.session[SESSION_KEY]
    assert (profile.ethnicity, profile.migration_situation, profile.postcode_district) == (
        "other_arab", "refugee", "E15")
    # Nothing that identifies the person points at the profile, and it points at nothing.
    assert [field.name for field in EquityProfile._meta.get_fields() if field.is_relation] == []
    page = client.get("/en/about-you/?saved=1").content.decode()
    assert "Thank you." in page and 'value="E15"' in page and 'value="refugee" checked' in page.replace(
        ' id="id_migration_situation_0"', "")

    client.post("/en/about-you/", {**ANSWERS, "time_in_uk": "5-10"})  # changed later: still one record
    assert EquityProfile.objects.get().time_in_uk == "5-10"


def test_a_wrong_answer_is_explained_and_nothing_typed_is_lost(client):
    response = client.post("/fa/about-you/", {**ANSWERS, "postcode": "Tehran", "gender": "not-a-choice"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Syria"' in page and 'value="Tehran"' in page
    assert "This does not look like the start of a UK postcode" not in page  # it is in Farsi
    assert EquityProfile.objects.count() == 0


def test_a_person_removes_their_answers(client):
    client.post("/en/about-you/", ANSWERS)
    assert client.post("/en/about-you/forget/")["Location"] == "/en/about-you/"
    assert EquityProfile.objects.count() == 0
    assert "Remove my answers" not in client.get("/en/about-you/").content.decode()
