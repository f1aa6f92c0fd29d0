from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .models import Case


# Urgent: ahead of everything else in the queue.
@task(priority=10)
def alert_supervisors_if_waiting(case_id):
    """Runs when an urgent case's pick-up deadline passes: if nobody has picked it up, the
    supervisors are told (in the console, and by email without the person's details)."""
    with transaction.atomic():
        case = Case.objects.select_for_update().filter(pk=case_id).first()
        if case is None or case.status != Case.Status.WAITING or case.supervisors_alerted_at:
            return False
        case.supervisors_alerted_at = timezone.now()
        case.save(update_fields=["supervisors_alerted_at"])
        addresses = _supervisor_addresses()
        if addresses:
            link = settings.SITE_URL.rstrip("/") + reverse("helpers-case", args=[case.pk])
            minutes = int((case.supervisors_alerted_at - case.raised_at).total_seconds() // 60)
            transaction.on_commit(lambda: send_mail(
                "EveryDoor: an urgent case is waiting",
                f"An urgent case in language '{case.language}' has waited {minutes} minutes and nobody has "
                f"picked it up. Sign in to see it: {link}",
                None, addresses))
    return True


@task(priority=5)
def alert_supervisors_of_worse_mood(case_id):
    """A course participant's mood score got reliably worse: supervisors are told by email,
    without the person's details; the case shows why."""
    case = Case.objects.filter(pk=case_id).first()
    addresses = _supervisor_addresses()
    if case is None or not addresses:
        return False
    link = settings.SITE_URL.rstrip("/") + reverse("helpers-case", args=[case.pk])
    send_mail("EveryDoor: a self-help course participant's mood is worse",
              f"A guided self-help participant (language '{case.language}') answered the PHQ-9 with a reliably "
              f"worse score than at the start. Sign in to see the case: {link}", None, addresses)
    return True


def _supervisor_addresses():
    supervisors = get_user_model().objects.filter(
        is_active=True, groups__permissions__codename="supervise_caseload").exclude(email="").distinct()
    return sorted(supervisors.values_list("email", flat=True))
