"""The service managers' dashboard, read through the real pages after the summary is rebuilt
from real journey events."""

import csv
import datetime
import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from everydoor.accounts.roles import HELPERS, SERVICE_MANAGERS
from everydoor.equity.models import EquityProfile, JourneyEvent, ReferencePopulation, StepCount
from everydoor.equity.summary import refresh_step_counts
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db
Step = JourneyEvent.Step
TODAY = timezone.localdate()


def journeys(count, steps, channel="web", language="en", on=TODAY, **markers):
    """`count` people who each reached `steps`, with these markers (none: no profile)."""
    for _ in range(count):
        journey = uuid.uuid4()
        if markers:
            EquityProfile.objects.create(journey=journey, **markers)
        for step in steps:
            JourneyEvent.objects.create(journey=journey, step=step, channel=channel, language=language,
                                        occurred_on=on)


@pytest.fixture
def manager(client):
    verified_login(client, staff_user("manager", SERVICE_MANAGERS))
    return client


def test_a_journey_counts_once_per_step_however_many_days_it_reached_it():
    journey = uuid.uuid4()
    for days_ago in (3, 2, 1):
        JourneyEvent.objects.create(journey=journey, step=Step.SAW_RESULT, channel="sms", language="ar",
                                    occurred_on=TODAY - datetime.timedelta(days=days_ago))
    refresh_step_counts()
    rows = StepCount.objects.filter(dimension="all")
    assert [(row.step, row.journeys) for row in rows] == [("saw_result", 1)]


def test_every_dimension_adds_up_to_the_same_total():
    journeys(6, [Step.VISITED], ethnicity="black_african", postcode_district="E15")
    journeys(7, [Step.VISITED], language="ar")
    refresh_step_counts()
    totals = {dimension: sum(StepCount.objects.filter(dimension=dimension).values_list("journeys", flat=True))
              for dimension in ("all", "channel", "language", "ethnicity", "gender")}
    assert set(totals.values()) == {13}


def test_the_funnel_by_ethnic_group_hides_small_numbers_and_one_more_beside_them(manager):
    journeys(9, [Step.VISITED, Step.COMPLETED_QUESTIONNAIRE], ethnicity="black_african")
    journeys(6, [Step.VISITED, Step.COMPLETED_QUESTIONNAIRE], ethnicity="asian_indian")
    journeys(2, [Step.VISITED], ethnicity="white_roma")
    journeys(5, [Step.VISITED, Step.COMPLETED_QUESTIONNAIRE], ethnicity="other_arab")
    journeys(7, [Step.VISITED], ethnicity="other_arab")
    refresh_step_counts()
    response = manager.get("/staff/equity/equity.csv", {"dimension": "ethnicity"})
    rows = [row for row in csv.reader(io.StringIO(response.content.decode())) if row[0] == "funnel by ethnicity"]
    visited = {group: count for _table, group, step, count in rows if step == "Visited"}
    completed = {group: count for _table, group, step, count in rows if step == "Completed a questionnaire"}
    # Worked by hand: Roma's 2 (and Roma's total, 2) are hidden; the Visited column then gives
    # up its smallest other count (Indian 6), and the row totals theirs (Indian 12). Indian's
    # line then has two hidden numbers, so Indian's Completed 6 can stay: Indian and Roma
    # Visited are known only to add up to 8.
    assert visited == {"African": "9", "Arab": "12", "Indian": "", "Roma": ""}
    assert completed == {"African": "9", "Arab": "5", "Indian": "6", "Roma": "0"}


def test_the_dashboard_page_shows_the_tables_and_charts_with_hidden_cells_marked(manager):
    journeys(8, [Step.VISITED, Step.CHOSE_LANGUAGE, Step.STARTED_QUESTIONNAIRE], channel="whatsapp", language="ti")
    journeys(3, [Step.VISITED], channel="voice", language="ti")
    refresh_step_counts()
    page = manager.get("/staff/equity/").content.decode()
    assert page.count("<svg class=\"chart\"") == 3
    assert "<caption>" in page and "Tigrinya" in page and "WhatsApp" in page
    assert 'title="Hidden: fewer than 5 people' in page
    assert ">3<" not in page


def test_drop_off_by_language_gives_the_share_going_on_to_each_next_step(manager):
    journeys(10, [Step.VISITED, Step.CHOSE_LANGUAGE], language="so")
    journeys(10, [Step.VISITED], language="so")
    refresh_step_counts()
    page = manager.get("/staff/equity/").content.decode()
    assert "<th scope=\"row\">Somali</th><td>50%</td>" in page


def test_the_date_and_area_filters_narrow_the_counts(manager):
    journeys(5, [Step.VISITED], postcode_district="E15", gender="woman")
    journeys(6, [Step.VISITED], postcode_district="SW1A", gender="woman")
    journeys(7, [Step.VISITED], postcode_district="E15", gender="woman", on=TODAY - datetime.timedelta(days=200))
    refresh_step_counts()

    def visited(**filters):
        response = manager.get("/staff/equity/equity.csv", {"dimension": "gender", **filters})
        rows = csv.reader(io.StringIO(response.content.decode()))
        return [count for table, group, step, count in rows if table == "funnel" and step == "Visited"]

    assert visited() == ["11"]
    assert visited(area="E") == ["5"]
    assert visited(area="SW") == ["6"]
    assert visited(start=(TODAY - datetime.timedelta(days=365)).isoformat()) == ["18"]


def test_a_start_after_the_end_is_refused_with_a_message(manager):
    response = manager.get("/staff/equity/", {"start": "2026-06-01", "end": "2026-05-01"})
    assert response.status_code == 400
    assert "The start date must be on or before the end date." in response.content.decode()


def test_an_uploaded_census_gives_representation_ratios_with_intervals(manager):
    journeys(30, [Step.VISITED], ethnicity="asian_bangladeshi")
    journeys(10, [Step.VISITED], ethnicity="white_british")
    journeys(4, [Step.VISITED], ethnicity="prefer_not")
    refresh_step_counts()
    upload = SimpleUploadedFile("census.csv", b"value,count\nBangladeshi,50000\nwhite_british,50000\n")
    response = manager.post("/staff/equity/reference/", {"name": "Census 2021, Tower Hamlets", "marker": "ethnicity",
                                                         "file": upload})
    assert response.status_code == 302
    population = ReferencePopulation.objects.get()
    page = manager.get("/staff/equity/", {"population": population.pk}).content.decode()
    # Bangladeshi: 30 of 40 reached against half the population: 1.50, Wilson 95% 0.60-0.86 over 0.5.
    assert "1.50 (1.20–1.72)" in page
    assert "0.50 (0.28–0.80)" in page


def test_a_reference_file_with_an_unknown_group_is_refused_and_the_name_kept(manager):
    upload = SimpleUploadedFile("census.csv", b"value,share\nMartian,0.5\n")
    response = manager.post("/staff/equity/reference/", {"name": "Census 2021, Newham", "marker": "ethnicity",
                                                         "file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Line 2: “Martian” is not one of this question&#x27;s answers." in page
    assert 'value="Census 2021, Newham"' in page


def test_asking_for_a_recount_queues_it_for_the_worker(manager):
    from django_tasks_db.models import DBTaskResult

    response = manager.post("/staff/equity/refresh/")
    assert response.status_code == 302
    assert DBTaskResult.objects.filter(task_path="everydoor.equity.tasks.refresh_equity_summary").count() == 1


def test_helpers_cannot_see_the_dashboard(client):
    verified_login(client, staff_user("helper", HELPERS))
    assert client.get("/staff/equity/").status_code == 403


def test_the_synthetic_journeys_command_adds_the_events_asked_for_and_recounts(manager):
    from django.core.management import call_command

    call_command("make_synthetic_journeys", events=3000, verbosity=0)
    assert JourneyEvent.objects.count() == 3000
    assert EquityProfile.objects.exists()
    assert sum(StepCount.objects.filter(dimension="all").values_list("journeys", flat=True)) > 2000
    response = manager.get("/staff/equity/", {"start": (TODAY - datetime.timedelta(weeks=156)).isoformat()})
    assert response.status_code == 200


def test_the_nightly_recount_counts_and_queues_exactly_one_run_for_four_tomorrow_morning():
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from everydoor.equity.tasks import refresh_equity_summary_daily

    journeys(5, [Step.VISITED])
    refresh_equity_summary_daily.call()
    assert StepCount.objects.get(dimension="all").journeys == 5
    waiting = DBTaskResult.objects.get(task_path=refresh_equity_summary_daily.module_path,
                                       status=TaskResultStatus.READY)
    assert timezone.localtime(waiting.run_after).hour == 4
