"""Twilio: SMS, WhatsApp and voice. Outbound messages through its REST API; inbound messages,
delivery reports and calls through signed webhooks (views.py)."""

import base64
import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.urls import reverse

from .. import ConversationProvider, SendError

TIMEOUT_SECONDS = 15
# Twilio error codes (twilio.com/docs/api/errors) that decide what happens next.
UNSUBSCRIBED_RECIPIENT = 21610
OUTSIDE_WHATSAPP_WINDOW = 63016
TOO_MANY_REQUESTS = 20429


def whatsapp_address(address):
    return address if address.startswith("whatsapp:") else f"whatsapp:{address}"


class TwilioProvider(ConversationProvider):
    urls = "everydoor.conversations.providers.twilio.urls"

    def send(self, message):
        contact = message.contact
        whatsapp = contact.channel == "whatsapp"
        fields = {
            "To": whatsapp_address(contact.address) if whatsapp else contact.address,
            "From": settings.TWILIO_WHATSAPP_FROM if whatsapp else settings.TWILIO_SMS_FROM,
            "StatusCallback": settings.SITE_URL.rstrip("/") + reverse("twilio-status"),
        }
        if message.template:
            fields["ContentSid"] = settings.WHATSAPP_TEMPLATES[message.template]
            fields["ContentVariables"] = json.dumps(message.template_values)
        else:
            fields["Body"] = message.body
        answer = self._post(f"/2010-04-01/Accounts/{settings.TWILIO_ACCOUNT_SID}/Messages.json", fields)
        return answer["sid"]

    def _post(self, path, fields):
        credentials = f"{settings.TWILIO_ACCOUNT_SID}:{settings.TWILIO_AUTH_TOKEN}".encode()
        request = urllib.request.Request(
            settings.TWILIO_API_URL.rstrip("/") + path, data=urllib.parse.urlencode(fields).encode(), method="POST",
            headers={"Authorization": "Basic " + base64.b64encode(credentials).decode(),
                     "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise _classified(error) from error
        except (OSError, ValueError) as error:
            raise SendError(f"could not reach Twilio: {error}") from error


def _classified(error):
    try:
        detail = json.load(error)
    except ValueError:
        detail = {}
    code = detail.get("code")
    text = f"Twilio answered {error.code}: {code} {detail.get('message', '')}".strip()
    if code == UNSUBSCRIBED_RECIPIENT:
        return SendError(text, opted_out=True)
    if code == OUTSIDE_WHATSAPP_WINDOW:
        return SendError(text, needs_template=True)
    retryable = error.code >= 500 or error.code in (408, 429) or code == TOO_MANY_REQUESTS
    return SendError(text, permanent=not retryable)
