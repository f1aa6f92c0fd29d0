"""Every staff URL requested by every role: staff of one service never see another
service's referrals, community workers see only their queue, outsiders see nothing."""

import pytest

from everydoor.testing.staff import verified_login

from .helpers import create_referral, create_service, create_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "riverside_staff", "hillside_staff", "community_worker"]
URLS = [
    ("get", "/staff/referrals/{id}/"),
    ("get", "/staff/referrals/{id}/letter.pdf"),
    ("get", "/staff/referrals/{id}/fhir.json"),
    ("post", "/staff/referrals/{id}/accept/"),
    ("post", "/staff/referrals/{id}/decline/"),
    ("post", "/staff/referrals/{id}/first-contact/"),
]
# Who may open a referral routed to Riverside, and one in the community queue.
ALLOWED = {
    "riverside": {"riverside_staff"},
    "community": {"community_worker"},
}


@pytest.fixture
def world(db):
    riverside = create_service("Riverside", catchment_districts=["E15"])
    hillside = create_service("Hillside", catchment_districts=["N1"])
    users = {
        "outsider": create_user("outsider"),
        "riverside_staff": create_user("riverside_staff", service=riverside),
        "hillside_staff": create_user("hillside_staff", service=hillside),
        "community_worker": create_user("community_worker", community_worker=True),
    }
    referrals = {
        "riverside": create_referral(postcode="E15 1AA"),
        "community": create_referral(postcode="M1 1AA"),
    }
    assert referrals["riverside"].service == riverside and referrals["community"].service is None
    return users, referrals


def client_for(role, users, client_class):
    client = client_class()
    if role != "anonymous":
        verified_login(client, users[role])
    return client


def expected_status(role, allowed, method):
    if role == "anonymous":
        return {302}  # to the sign-in page
    if role == "outsider":
        return {403}
    if role not in allowed:
        return {404}  # other services learn nothing, not even that it exists
    return {200} if method == "get" else {302, 400}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["riverside", "community"])
@pytest.mark.parametrize("method, url", URLS)
def test_the_permission_matrix(world, client, role, which, method, url):
    users, referrals = world
    response = getattr(client_for(role, users, client.__class__), method)(url.format(id=referrals[which].pk))
    assert response.status_code in expected_status(role, ALLOWED[which], method)


@pytest.mark.parametrize("role, sees", [
    ("riverside_staff", {"riverside"}), ("hillside_staff", set()), ("community_worker", {"community"}),
])
def test_the_inbox_lists_only_what_each_role_may_see(world, client, role, sees):
    users, referrals = world
    page = client_for(role, users, client.__class__).get("/staff/referrals/").content.decode()
    assert {name for name, referral in referrals.items() if referral.code in page} == sees


@pytest.mark.parametrize("role, status", [("anonymous", 302), ("outsider", 403)])
def test_the_inbox_is_closed_to_people_without_a_role(world, client, role, status):
    users, _referrals = world
    assert client_for(role, users, client.__class__).get("/staff/referrals/").status_code == status


def test_a_people_without_a_role_leave_no_audit_entries(world, client):
    from everydoor.privacy.models import AuditEvent

    users, referrals = world
    client_for("hillside_staff", users, client.__class__).get(f"/staff/referrals/{referrals['riverside'].pk}/")
    assert not AuditEvent.objects.exists()
