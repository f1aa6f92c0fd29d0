"""Who does what, as Django groups. Each role has the permissions its work needs and no
more; tests/test_permission_matrix.py requests every staff page as every role.

Some roles are made where their work lives: the content roles need the guide pages
(content/roles.py), the directory editors the directory's permissions (directory/curation.py).
A service's staff see its referrals by being named on the service (referrals/access.py)."""

from django.contrib.auth.models import Group, Permission

from everydoor.content.roles import COMMUNITY_REVIEWERS, CONTENT_EDITORS
from everydoor.directory.curation import DIRECTORY_EDITORS

HELPERS = "Helpers"
SUPERVISORS = "Supervisors"
SERVICE_STAFF = "Service staff"
SERVICE_MANAGERS = "Service managers"
ADMINISTRATORS = "Administrators"

# The roles of the issue, in the order a newcomer would meet them, and what each is for.
ROLE_NAMES = {
    HELPERS: "Community workers, peer supporters and bilingual volunteers: the caseload, call-backs, "
             "assisted mode, guided self-help check-ins.",
    SUPERVISORS: "Clinically qualified: everything helpers do, every case, reviewing notes, urgent cases "
                 "nobody picked up, reviewing the audit log.",
    SERVICE_STAFF: "Staff of an NHS Talking Therapies service: the referral inbox of their service.",
    CONTENT_EDITORS: "Write and publish guides and self-help sessions.",
    COMMUNITY_REVIEWERS: "Check translations and approve them.",
    DIRECTORY_EDITORS: "Keep the directory of services true.",
    SERVICE_MANAGERS: "Run a service: its details and staff, and the equity dashboards.",
    ADMINISTRATORS: "Staff accounts and their roles, unlocking accounts, and the audit log.",
}

# Permissions (app label, codename) of the roles made here.
PERMISSIONS = {
    HELPERS: [("helpers", "work_caseload"), ("referrals", "work_community_queue")],
    SUPERVISORS: [("helpers", "work_caseload"), ("helpers", "supervise_caseload"),
                  ("referrals", "work_community_queue"), ("privacy", "review_audit_log")],
    SERVICE_STAFF: [],
    SERVICE_MANAGERS: [("referrals", "view_service"), ("referrals", "change_service"),
                       ("equity", "view_equity_dashboard")],
    ADMINISTRATORS: [("auth", codename) for codename in
                     ["view_user", "add_user", "change_user", "view_group"]]
                    + [("axes", "view_accessattempt"), ("axes", "delete_accessattempt"),
                       ("otp_totp", "view_totpdevice"), ("otp_totp", "delete_totpdevice"),
                       ("privacy", "view_auditevent")],
}

# Roles whose work is in the staff admin (/staff/admin/), which Django opens to is_staff only.
STAFF_ADMIN_ROLES = {DIRECTORY_EDITORS, SERVICE_MANAGERS, ADMINISTRATORS}


def ensure_roles():
    """Create the groups made here and give them exactly their permissions. Safe to run again."""
    for name, permissions in PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in permissions
        ])


def staff_admin_follows_roles(sender, instance, action, **kwargs):
    """A user's access to the staff admin follows their roles (superusers keep theirs)."""
    if action not in ("post_add", "post_remove", "post_clear") or not hasattr(instance, "is_superuser"):
        return
    wanted = instance.is_superuser or instance.groups.filter(name__in=STAFF_ADMIN_ROLES).exists()
    if instance.is_staff != wanted:
        instance.is_staff = wanted
        instance.save(update_fields=["is_staff"])
