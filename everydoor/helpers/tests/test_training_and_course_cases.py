"""The helpers' side of the course (check-ins, a worse score), supervisors taking over cases,
and the training path with its completion record."""

from datetime import timedelta

import pytest
from django.utils import timezone

from everydoor.accounts.roles import HELPERS, SUPERVISORS
from everydoor.course.models import HelperCheckIn
from everydoor.course.progress import enrol
from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.models import Escalation
from everydoor.helpers.models import Case, TrainingCompletion
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db


def on_course(language="ti", check_in_by="phone"):
    return enrol(language=language, channel="web", check_in_by=check_in_by, phone="07700 900555",
                 safe_to_leave_message=False, safe_times="After 6pm").case


def test_a_helper_picks_up_a_course_case_and_records_weekly_check_ins(client):
    helper = verified_login(client, staff_user("hana", HELPERS))
    case = on_course()
    caseload = client.get("/staff/cases/").content.decode()
    assert "Guided self-help" in caseload and "Check-in due" in caseload
    client.post(f"/staff/cases/{case.pk}/pick-up/")
    page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert "07700 900555" in page and "After 6pm" in page and "Do not leave a voice message." in page
    assert "A check-in is due now." in page

    missing = client.post(f"/staff/cases/{case.pk}/check-in/", {"how": "phone", "note": "Kept"})
    assert missing.status_code == 400 and "Please say whether you reached the person." in missing.content.decode()
    assert "Kept" in missing.content.decode()
    client.post(f"/staff/cases/{case.pk}/check-in/", {"how": "phone", "reached": "no"})
    assert "A check-in is due now." in client.get(f"/staff/cases/{case.pk}/").content.decode()
    client.post(f"/staff/cases/{case.pk}/check-in/", {"how": "phone", "reached": "yes", "note": "Doing session 1."})
    page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert "Next check-in due on" in page and "Doing session 1." in page
    assert "Check-in due" not in client.get("/staff/cases/").content.decode()
    check_in = HelperCheckIn.objects.get(reached=True)
    assert check_in.helper == helper and check_in.note == "Doing session 1."

    # A week later it is due again.
    HelperCheckIn.objects.update(happened_at=timezone.now() - timedelta(days=7, minutes=1))
    assert "Check-in due" in client.get("/staff/cases/").content.decode()


def test_a_worse_score_puts_the_case_above_others_until_someone_sees_to_it(client):
    verified_login(client, staff_user("dr-amina", SUPERVISORS))
    older = on_course(language="fa")
    case = on_course(language="ps")
    Case.objects.filter(pk=older.pk).update(raised_at=timezone.now() - timedelta(days=2))
    Case.objects.filter(pk=case.pk).update(attention_reasons=["mood-worse:middle"], attention_raised_at=timezone.now())
    caseload = client.get("/staff/cases/").content.decode()
    assert caseload.index(str(case.pk)) < caseload.index(str(older.pk))
    assert "Mood is worse: see to this" in caseload
    client.post(f"/staff/cases/{case.pk}/seen-to/")
    case.refresh_from_db()
    assert case.attention_raised_at is None and case.notes.last().text == "Seen to: mood-worse:middle"


def test_a_supervisor_takes_over_an_overdue_urgent_case_and_a_helpers_case(client):
    supervisor = verified_login(client, staff_user("dr-amina", SUPERVISORS))
    helper = staff_user("hana", HELPERS)
    overdue = escalate_risk(source=Escalation.Source.NOT_SAFE_BUTTON, reasons=["not safe"], language="ar",
                            phone="07700 900111", consent=True).case
    course_case = on_course()
    Case.objects.filter(pk=course_case.pk).update(status=Case.Status.PICKED_UP, assigned_to=helper)
    assert "Take over this case" in client.get(f"/staff/cases/{overdue.pk}/").content.decode()
    client.post(f"/staff/cases/{overdue.pk}/take-over/")
    client.post(f"/staff/cases/{course_case.pk}/take-over/")
    overdue.refresh_from_db()
    course_case.refresh_from_db()
    assert overdue.assigned_to == supervisor and overdue.escalation.status == Escalation.Status.CONTACTED
    assert course_case.assigned_to == supervisor
    assert course_case.notes.last().text == "Taken over by dr-amina from hana."

    other = client.__class__()
    verified_login(other, helper)
    assert other.post(f"/staff/cases/{course_case.pk}/take-over/").status_code == 404


def test_the_training_path_is_read_in_the_console_language_and_completion_recorded(client, starter_content):
    from everydoor.helpers.models import HelperProfile

    helper = verified_login(client, staff_user("hana", HELPERS))
    HelperProfile.objects.create(user=helper, console_language="ar")
    path = client.get("/staff/cases/training/").content.decode()
    assert 'dir="rtl"' in path
    for slug in ["safe-conversations", "risk-escalation-protocol", "working-with-interpreters",
                 "looking-after-yourself"]:
        assert f'href="/staff/cases/training/{slug}/"' in path
    module = client.get("/staff/cases/training/risk-escalation-protocol/").content.decode()
    assert "999" in module and 'lang="ar"' in module
    client.post("/staff/cases/training/risk-escalation-protocol/done/")
    assert list(TrainingCompletion.objects.values_list("user__username", "module")) == [
        ("hana", "risk-escalation-protocol")]
    assert client.get("/staff/cases/training/team/").status_code == 404

    supervisor = client.__class__()
    verified_login(supervisor, staff_user("dr-amina", SUPERVISORS))
    team = supervisor.get("/staff/cases/training/team/").content.decode()
    hana_row = team.split(">hana<")[1].split("</tr>")[0]
    assert hana_row.count("finished") == 1 and hana_row.count("not yet") == 3
