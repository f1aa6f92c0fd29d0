"""An administrator manages staff accounts and roles, but cannot raise anyone (themselves
included) to superuser or hand out single permissions around the roles."""

import pytest
from django.contrib.auth.models import Group

from everydoor.accounts.roles import ADMINISTRATORS, HELPERS
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db


def change_form(user, **changes):
    form = {"username": user.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
            "is_staff": "on", "groups": [group.pk for group in user.groups.all()],
            "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-11-30", "date_joined_1": "09:00:00"}
    form.update(changes)
    return form


def test_an_administrator_cannot_make_anyone_a_superuser(client):
    administrator = verified_login(client, staff_user("ada", ADMINISTRATORS, is_staff=True))
    response = client.post(f"/staff/admin/auth/user/{administrator.pk}/change/",
                           change_form(administrator, is_superuser="on"))
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert not administrator.is_superuser


def test_an_administrator_can_still_give_a_person_a_role(client):
    verified_login(client, staff_user("ada", ADMINISTRATORS, is_staff=True))
    helper = staff_user("hana", is_staff=True)
    response = client.post(f"/staff/admin/auth/user/{helper.pk}/change/",
                           change_form(helper, groups=[Group.objects.get(name=HELPERS).pk]))
    assert response.status_code == 302
    assert list(helper.groups.values_list("name", flat=True)) == [HELPERS]
