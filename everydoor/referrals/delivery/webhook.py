import hashlib
import hmac
import json
import urllib.error
import urllib.request

from ..fhir import referral_bundle
from . import DeliveryError, DeliveryProvider

SIGNATURE_HEADER = "X-EveryDoor-Signature"
TIMEOUT_SECONDS = 20


def signature(secret, body):
    """HMAC-SHA256 of the body with the service's shared secret, so it can check the sender."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookDelivery(DeliveryProvider):
    """POSTs the FHIR bundle as JSON to the service's intake URL (HTTPS in production)."""

    def deliver(self, referral):
        service = referral.service
        if not service.intake_webhook_url:
            raise DeliveryError("the service has no webhook address", permanent=True)
        body = json.dumps(referral_bundle(referral), ensure_ascii=False).encode()
        request = urllib.request.Request(
            service.intake_webhook_url, data=body, method="POST",
            headers={"Content-Type": "application/fhir+json",
                     SIGNATURE_HEADER: signature(service.webhook_secret, body)},
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
                return
        except urllib.error.HTTPError as error:
            # 4xx: the service refuses this request as it is (but 408/429 may pass later).
            permanent = 400 <= error.code < 500 and error.code not in (408, 429)
            raise DeliveryError(f"the service answered {error.code}", permanent=permanent) from error
        except OSError as error:
            raise DeliveryError(f"could not reach the service: {error}") from error
