from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .delivery import DeliveryError, provider_for
from .models import Referral, Service

# Wait longer after each failure: a service down for a day still gets its referral.
RETRY_DELAYS = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
                timedelta(hours=6), timedelta(hours=24)]


# A person is waiting for this service: it goes ahead of indexing and speech.
@task(priority=10)
def deliver_referral(referral_id):
    """Send a referral to its service; on failure, try again later, then give up visibly."""
    referral = Referral.objects.select_related("service").filter(pk=referral_id).first()
    if referral is None:  # the person erased their data before it was sent: nothing to send
        return None
    if referral.delivery_status not in (Referral.Delivery.PENDING, Referral.Delivery.RETRYING):
        return referral.delivery_status
    if referral.service is None or referral.service.delivery == Service.Delivery.INBOX:
        # The service changed to inbox-only since: its staff see the referral there.
        referral.delivery_status = Referral.Delivery.NOT_NEEDED
        referral.save(update_fields=["delivery_status", "updated_at"])
        return referral.delivery_status
    referral.delivery_attempts += 1
    try:
        provider_for(referral.service).deliver(referral)
    except DeliveryError as error:
        _note_failure(referral, error)
    else:
        referral.delivery_status = Referral.Delivery.DELIVERED
        referral.delivered_at = timezone.now()
        referral.delivery_error = ""
    referral.save(update_fields=["delivery_status", "delivery_attempts", "delivery_error", "delivered_at",
                                 "updated_at"])
    return referral.delivery_status


def _note_failure(referral, error):
    referral.delivery_error = str(error)
    retries_left = referral.delivery_attempts <= len(RETRY_DELAYS)
    if error.permanent or not retries_left:
        referral.delivery_status = Referral.Delivery.FAILED
        return
    referral.delivery_status = Referral.Delivery.RETRYING
    delay = RETRY_DELAYS[referral.delivery_attempts - 1]
    deliver_referral.using(run_after=timezone.now() + delay).enqueue(str(referral.pk))
