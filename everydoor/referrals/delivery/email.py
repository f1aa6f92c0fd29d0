import json

from django.conf import settings
from django.core.mail import EmailMessage

from ..fhir import referral_bundle
from ..letter import referral_letter_pdf
from . import DeliveryError, DeliveryProvider


class EmailDelivery(DeliveryProvider):
    """Sends the letter and the FHIR bundle to the service's intake address. Use it only with
    a secure mail system that both ends trust (NHSmail, or TLS enforced on the connection):
    the message holds identifiable data."""

    def deliver(self, referral):
        service = referral.service
        if not service.intake_email:
            raise DeliveryError("the service has no intake email address", permanent=True)
        message = EmailMessage(
            subject=f"Self-referral {referral.code} from EveryDoor",
            body=(
                f"A new self-referral from EveryDoor for {service.name}.\n"
                f"Reference: {referral.code}\n"
                "The referral letter (PDF) and a FHIR R4 bundle are attached.\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[service.intake_email],
        )
        message.attach(f"referral-{referral.code}.pdf", referral_letter_pdf(referral), "application/pdf")
        bundle_json = json.dumps(referral_bundle(referral), ensure_ascii=False)
        message.attach(f"referral-{referral.code}.json", bundle_json, "application/fhir+json")
        try:
            message.send()
        except OSError as error:  # SMTP errors are OSErrors: the mail server may be back later
            raise DeliveryError(f"email not sent: {error}") from error
