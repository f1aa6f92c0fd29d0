"""The audit log says who looked at or changed a person's details, what, when and why; it is
append-only, and supervisors review it in the console."""

import pytest

from everydoor.accounts.roles import HELPERS, SUPERVISORS
from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.models import Escalation
from everydoor.privacy.models import AppendOnly, AuditEvent
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db


def urgent_case():
    return escalate_risk(source=Escalation.Source.NOT_SAFE_BUTTON, reasons=["not safe"], language="ar",
                         phone="07700 900111", consent=True).case


def test_each_access_says_who_what_when_and_why(client):
    verified_login(client, staff_user("hana", HELPERS))
    case = urgent_case()
    client.get(f"/staff/cases/{case.pk}/")
    client.post(f"/staff/cases/{case.pk}/pick-up/")
    rows = list(AuditEvent.objects.order_by("at").values_list("actor_name", "action", "object_id", "why"))
    assert rows == [("hana", "viewed", str(case.pk), "working the case"),
                    ("hana", "picked up", str(case.pk), "working the case")]


def test_nobody_can_change_or_remove_an_entry():
    case = urgent_case()
    staff = staff_user("hana", HELPERS)
    from everydoor.privacy.audit import CASE_WORK, record_access

    event = record_access(staff, "viewed", case, CASE_WORK)
    event.action = "nothing to see"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action="nothing")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "viewed"


def test_a_supervisor_reviews_the_log_and_narrows_it(client):
    case = urgent_case()
    helper = client.__class__()
    verified_login(helper, staff_user("hana", HELPERS))
    helper.get(f"/staff/cases/{case.pk}/")
    assert helper.get("/staff/cases/audit/").status_code == 404  # helpers do not review the log

    verified_login(client, staff_user("dr-amina", SUPERVISORS))
    page = client.get("/staff/cases/audit/").content.decode()
    assert "hana" in page and "working the case" in page and f'href="/staff/cases/{case.pk}/"' in page
    narrowed = client.get("/staff/cases/audit/?who=someone-else").content.decode()
    assert "Nothing recorded for this search." in narrowed
    bad = client.get("/staff/cases/audit/?who=hana&since=last+week")
    assert bad.status_code == 400
    assert "Please give a date like 2026-11-30." in bad.content.decode() and 'value="hana"' in bad.content.decode()
