"""Where each role's work is, for the staff home and the sign-in that leads to it."""

from django.urls import reverse

from everydoor.referrals.access import is_referral_staff


def first_page_for(user):
    """The first staff page this user's roles open, or None for a user with no role."""
    if user.has_perm("helpers.work_caseload"):
        return reverse("helpers-caseload")
    if is_referral_staff(user):
        return reverse("staff-inbox")
    if user.has_perm("equity.view_equity_dashboard"):
        return reverse("equity-dashboard")
    if user.has_perm("wagtailadmin.access_admin"):
        return reverse("wagtailadmin_home")
    if user.is_staff:
        return reverse("admin:index")
    return None
