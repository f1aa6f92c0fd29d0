"""Who may see a referral.

The person: whoever holds it in their session (by starting it, or by typing its code).
Staff: a service's staff see that service's referrals; community workers see the queue of
referrals no service fits or a service declined. Every staff view goes through
get_referral_for, so a test of it covers them all.
"""

from django.db.models import Q
from django.http import Http404

from .models import Referral

SESSION_KEY = "referral"
COMMUNITY_QUEUE_PERMISSION = "referrals.work_community_queue"
# No service fits, or a service declined: a community worker finds the person other help.
IN_COMMUNITY_QUEUE = Q(service__isnull=True) | Q(needs_community_worker=True)


def held_referral(request):
    referral_id = request.session.get(SESSION_KEY)
    return Referral.objects.filter(pk=referral_id).first() if referral_id else None


def held_draft(request):
    referral = held_referral(request)
    if referral is None:
        return None
    if referral.status != Referral.Status.DRAFT:
        return None
    return referral


def hold_referral(request, referral):
    request.session[SESSION_KEY] = str(referral.pk)


def is_referral_staff(user):
    if not user.is_authenticated:
        return False
    if user.has_perm(COMMUNITY_QUEUE_PERMISSION):
        return True
    return user.referral_services.exists()


def referrals_visible_to(user):
    """Submitted referrals this user may see; none for anyone else."""
    if not user.is_authenticated:
        return Referral.objects.none()
    visible = Q(service__staff=user)
    if user.has_perm(COMMUNITY_QUEUE_PERMISSION):
        visible |= IN_COMMUNITY_QUEUE
    # A draft was never sent; a withdrawn request was taken back by the person.
    not_theirs = [Referral.Status.DRAFT, Referral.Status.WITHDRAWN]
    return Referral.objects.exclude(status__in=not_theirs).filter(visible).distinct()


def get_referral_for(user, referral_id):
    """The referral if `user` may see it; 404 otherwise (staff of other services learn nothing)."""
    referral = referrals_visible_to(user).select_related("service").filter(pk=referral_id).first()
    if referral is None:
        raise Http404("No such referral")
    return referral
