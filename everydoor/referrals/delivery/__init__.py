"""Sending a submitted referral to its service: one plug-in per way of delivering.

Providers are named in settings.REFERRAL_DELIVERY_PROVIDERS, keyed by Service.delivery.
"""

from django.conf import settings
from django.utils.module_loading import import_string


class DeliveryError(Exception):
    """Delivery failed. `permanent` says whether trying again could help."""

    def __init__(self, message, permanent=False):
        super().__init__(message)
        self.permanent = permanent


class DeliveryProvider:
    """Base class for a way of sending referrals to a service."""

    def deliver(self, referral):
        """Send one referral, building what this way of sending needs (the FHIR bundle from
        referrals.fhir, the letter from referrals.letter).

        Return normally once the service has taken it; raise DeliveryError otherwise."""
        raise NotImplementedError


def provider_for(service):
    return import_string(settings.REFERRAL_DELIVERY_PROVIDERS[service.delivery])()
