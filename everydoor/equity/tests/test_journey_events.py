"""Journey events: each step recorded once per journey and day, with no identifier, and
tied to the equity markers only through the random journey id."""

import pytest

from everydoor.equity.models import EquityProfile, JourneyEvent

pytestmark = pytest.mark.django_db

LOW = "LA6568-5"


def steps():
    return sorted(JourneyEvent.objects.values_list("step", "channel", "language"))


def test_a_questionnaire_journey_is_recorded_step_by_step_without_identifiers(client):
    client.post("/so/check/gad-7/start/")
    for number in range(1, 8):
        client.post(f"/so/check/gad-7/{number}/", {"answer": LOW})
    client.get("/so/check/gad-7/result/")
    client.get("/so/check/gad-7/result/")  # looking twice is one step
    assert steps() == [("completed_questionnaire", "web", "so"), ("saw_result", "web", "so"),
                       ("started_questionnaire", "web", "so")]
    assert len({event.journey for event in JourneyEvent.objects.all()}) == 1
    # The markers given later join the same journey, and nothing else does.
    client.post("/so/about-you/", {"migration_situation": "seeking_asylum"})
    assert EquityProfile.objects.get().journey == JourneyEvent.objects.first().journey
    assert [field.name for field in JourneyEvent._meta.get_fields() if field.is_relation] == []


def test_reaching_crisis_help_and_referring_are_steps(client):
    client.post("/en/check/phq-9/start/")
    for number in range(1, 9):
        client.post(f"/en/check/phq-9/{number}/", {"answer": LOW})
    client.post("/en/check/phq-9/9/", {"answer": "LA6569-3"})  # a risk answer
    client.get("/en/check/safety/")
    assert ("reached_crisis_help", "web", "en") in steps()


def test_reading_a_page_records_nothing(client):
    for path in ["/en/", "/en/check/", "/en/help-now/", "/en/about-you/"]:
        assert client.get(path).status_code == 200
    assert JourneyEvent.objects.count() == 0 and EquityProfile.objects.count() == 0
