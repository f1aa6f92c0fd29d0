"""Every staff page requested as every role: each role sees what its work needs and is
refused the rest. Our own staff pages are all listed (a test checks none is missed); the
Django and Wagtail admins are represented by the pages each role's work is on."""

import pytest
from django.urls import get_resolver

from everydoor.accounts.roles import (
    ADMINISTRATORS,
    HELPERS,
    SERVICE_MANAGERS,
    SERVICE_STAFF,
    SUPERVISORS,
)
from everydoor.content.roles import COMMUNITY_REVIEWERS, CONTENT_EDITORS, ensure_content_roles
from everydoor.course.progress import enrol
from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.models import Escalation
from everydoor.directory.curation import DIRECTORY_EDITORS
from everydoor.helpers.cases import add_note
from everydoor.referrals.tests.helpers import create_referral, create_service
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db

ROLES = {
    "helper": [HELPERS], "supervisor": [SUPERVISORS], "service_staff": [SERVICE_STAFF],
    "content_editor": [CONTENT_EDITORS], "community_reviewer": [COMMUNITY_REVIEWERS],
    "directory_editor": [DIRECTORY_EDITORS], "service_manager": [SERVICE_MANAGERS],
    "administrator": [ADMINISTRATORS], "no_role": [],
}
CASE_WORKERS = {"helper", "supervisor"}
EVERY_ROLE = set(ROLES) - {"no_role"}
# (route name, method, path, roles allowed). {case}, {note}, {referral}, {queued}... are filled in.
MATRIX = [
    ("staff-home", "get", "/staff/", EVERY_ROLE),
    ("helpers-caseload", "get", "/staff/cases/", CASE_WORKERS),
    ("helpers-case", "get", "/staff/cases/{case}/", CASE_WORKERS),
    ("helpers-pick-up", "post", "/staff/cases/{case}/pick-up/", CASE_WORKERS),
    ("helpers-add-note", "post", "/staff/cases/{noted_case}/notes/", {"supervisor"}),
    ("helpers-close", "post", "/staff/cases/{noted_case}/close/", {"supervisor"}),
    ("helpers-take-over", "post", "/staff/cases/{case}/take-over/", {"supervisor"}),
    ("helpers-clear-attention", "post", "/staff/cases/{noted_case}/seen-to/", {"supervisor"}),
    ("helpers-check-in", "post", "/staff/cases/{course_case}/check-in/", {"supervisor"}),
    ("helpers-training", "get", "/staff/cases/training/", CASE_WORKERS),
    ("helpers-training-module", "get", "/staff/cases/training/safe-conversations/", CASE_WORKERS),
    ("helpers-training-module-done", "post", "/staff/cases/training/safe-conversations/done/", CASE_WORKERS),
    ("helpers-training-team", "get", "/staff/cases/training/team/", {"supervisor"}),
    ("helpers-assist", "get", "/staff/cases/assist/", CASE_WORKERS),
    ("helpers-wellbeing", "get", "/staff/cases/wellbeing/", EVERY_ROLE),
    ("helpers-notes-to-review", "get", "/staff/cases/notes-to-review/", {"supervisor"}),
    ("helpers-audit-log", "get", "/staff/cases/audit/", {"supervisor"}),
    ("helpers-data-request", "get", "/staff/cases/data-requests/", {"supervisor"}),
    ("helpers-data-request", "post", "/staff/cases/data-requests/", {"supervisor"}),
    ("helpers-data-request-json", "post", "/staff/cases/data-requests/data.json", {"supervisor"}),
    ("helpers-data-request-pdf", "post", "/staff/cases/data-requests/data.pdf", {"supervisor"}),
    ("helpers-data-request-erase", "post", "/staff/cases/data-requests/erase/", {"supervisor"}),
    ("helpers-review-note", "post", "/staff/cases/notes/{note}/review/", {"supervisor"}),
    ("staff-inbox", "get", "/staff/referrals/", {"service_staff"} | CASE_WORKERS),
    ("staff-referral", "get", "/staff/referrals/{referral}/", {"service_staff"}),
    ("staff-referral", "get", "/staff/referrals/{queued}/", CASE_WORKERS),
    ("staff-referral-letter", "get", "/staff/referrals/{referral}/letter.pdf", {"service_staff"}),
    ("staff-referral-fhir", "get", "/staff/referrals/{referral}/fhir.json", {"service_staff"}),
    ("staff-referral-accept", "post", "/staff/referrals/{referral}/accept/", {"service_staff"}),
    ("staff-referral-decline", "post", "/staff/referrals/{referral}/decline/", {"service_staff"}),
    ("staff-referral-contact", "post", "/staff/referrals/{queued}/first-contact/", CASE_WORKERS),
    ("equity-dashboard", "get", "/staff/equity/", {"service_manager"}),
    ("equity-export", "get", "/staff/equity/equity.csv", {"service_manager"}),
    ("equity-upload-reference", "get", "/staff/equity/reference/", {"service_manager"}),
    ("equity-refresh", "post", "/staff/equity/refresh/", {"service_manager"}),
    ("admin:index", "get", "/staff/admin/", {"directory_editor", "service_manager", "administrator"}),
    ("admin:directory_service_changelist", "get", "/staff/admin/directory/service/", {"directory_editor"}),
    ("admin:referrals_service_changelist", "get", "/staff/admin/referrals/service/", {"service_manager"}),
    ("admin:auth_user_changelist", "get", "/staff/admin/auth/user/", {"administrator"}),
    ("admin:axes_accessattempt_changelist", "get", "/staff/admin/axes/accessattempt/", {"administrator"}),
    ("admin:privacy_auditevent_changelist", "get", "/staff/admin/privacy/auditevent/", {"administrator"}),
    ("admin:otp_totp_totpdevice_changelist", "get", "/staff/admin/otp_totp/totpdevice/", {"administrator"}),
    ("wagtailadmin_home", "get", "/staff/cms/", {"content_editor", "community_reviewer"}),
]
# Pages everyone signed in reaches, before or as part of signing in.
SIGN_IN_ROUTES = {"staff-login", "staff-logout", "staff-two-factor", "staff-two-factor-picture"}


@pytest.fixture
def world(db, client):
    ensure_content_roles()
    service = create_service("Riverside", catchment_districts=["E15"])
    users = {role: staff_user(role, *groups) for role, groups in ROLES.items()}
    service.staff.add(users["service_staff"])
    waiting = escalate_risk(source=Escalation.Source.NOT_SAFE_BUTTON, reasons=["not safe"], language="ar",
                            phone="07700 900111", consent=True).case
    noted = escalate_risk(source=Escalation.Source.NOT_SAFE_BUTTON, reasons=["not safe"], language="ar",
                          phone="07700 900222", consent=True).case
    note = add_note(noted, users["supervisor"], "Called, no answer; will try again at 4pm.")
    on_course = enrol(language="so", channel="web", check_in_by="sms", phone="07700 900333",
                      safe_to_leave_message=False).case
    values = {"case": waiting.pk, "noted_case": noted.pk, "note": note.pk, "course_case": on_course.pk,
              "referral": create_referral(postcode="E15 1AA").pk, "queued": create_referral(postcode="M1 1AA").pk}
    return users, values


def is_allowed(response, method, path):
    to = response.get("Location", "")
    if path == "/staff/":  # the staff home sends each role on to its work
        return response.status_code == 302 and "login" not in to
    if method == "get":
        return response.status_code == 200
    # A form that reached its work: done (302), not valid (400), or not now (409: already decided).
    return response.status_code in (302, 400, 409) and "login" not in to


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_each_role_sees_what_its_work_needs_and_nothing_else(world, client, role):
    users, values = world
    wrong = []
    for _name, method, path, allowed in MATRIX:
        visitor = client.__class__()  # a fresh browser for each page: one request cannot change the next
        if role != "anonymous":
            verified_login(visitor, users[role])
        form = {"text": "A note", "outcome": "Agreed a call next week", "comment": "", "reason": "No capacity",
                "when": "2026-11-28T09:00"}
        response = getattr(visitor, method)(path.format(**values), form if method == "post" else None)
        if is_allowed(response, method, path) != (role in allowed):
            wrong.append(f"{method.upper()} {path} -> {response.status_code} {response.get('Location', '')}")
    assert wrong == []


def test_every_staff_page_of_ours_is_in_the_matrix():
    ours = set()
    for module in ["everydoor.accounts.urls", "everydoor.referrals.staff_urls", "everydoor.helpers.urls",
                   "everydoor.equity.staff_urls", "everydoor.privacy.staff_urls"]:
        ours |= {pattern.name for pattern in get_resolver(module).url_patterns}
    assert ours - SIGN_IN_ROUTES - {name for name, *_ in MATRIX} == set()
