"""Twilio: SMS, WhatsApp and voice. Outbound messages through its REST API; inbound messages,
delivery reports and calls through signed webhooks (views.py)."""

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from email.utils import parsedate_to_datetime

from django.conf import settings
from django.urls import reverse

from .. import ConversationProvider, SendError

TIMEOUT_SECONDS = 15
# Twilio error codes (twilio.com/docs/api/errors) that decide what happens next.
UNSUBSCRIBED_RECIPIENT = 21610
OUTSIDE_WHATSAPP_WINDOW = 63016
TOO_MANY_REQUESTS = 20429
MESSAGES_PATH = "/2010-04-01/Accounts/{account}/Messages.json"


def whatsapp_address(address):
    return address if address.startswith("whatsapp:") else f"whatsapp:{address}"


class TwilioProvider(ConversationProvider):
    urls = "everydoor.conversations.providers.twilio.urls"

    def send(self, message):
        to, sender = self._addresses(message.contact)
        fields = {"To": to, "From": sender, "StatusCallback": settings.SITE_URL.rstrip("/") + reverse("twilio-status")}
        if message.template:
            fields["ContentSid"] = settings.WHATSAPP_TEMPLATES[message.template]
            fields["ContentVariables"] = json.dumps(message.template_values)
        else:
            fields["Body"] = message.body
        answer = self._call(MESSAGES_PATH.format(account=settings.TWILIO_ACCOUNT_SID), fields)
        return answer["sid"]

    def find_sent(self, message, since):
        """Twilio's latest messages between the two numbers, newest first (not filtered by
        DateSent: a message still queued has none). A match was created since `since`, with
        the same body; a template's body is filled in by Twilio, so for a template any
        message since then matches."""
        to, sender = self._addresses(message.contact)
        query = {"To": to, "From": sender, "PageSize": "50"}
        path = MESSAGES_PATH.format(account=settings.TWILIO_ACCOUNT_SID) + "?" + urllib.parse.urlencode(query)
        for listed in self._call(path).get("messages", []):
            created = parsedate_to_datetime(listed["date_created"])
            if created >= since.replace(microsecond=0) and (message.template or listed.get("body") == message.body):
                return listed["sid"]
        return None

    def _addresses(self, contact):
        if contact.channel == "whatsapp":
            return whatsapp_address(contact.address), settings.TWILIO_WHATSAPP_FROM
        return contact.address, settings.TWILIO_SMS_FROM

    def _call(self, path, fields=None):
        """POST `fields` to the REST API (GET without them); the decoded JSON answer."""
        credentials = f"{settings.TWILIO_ACCOUNT_SID}:{settings.TWILIO_AUTH_TOKEN}".encode()
        headers = {"Authorization": "Basic " + base64.b64encode(credentials).decode()}
        data = None
        if fields is not None:
            data = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(settings.TWILIO_API_URL.rstrip("/") + path, data=data, headers=headers,
                                         method="GET" if data is None else "POST")
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
