"""Providers carry conversations: one base class, one folder per provider, and the registry
in settings.CONVERSATION_PROVIDERS (name -> class path). A new provider (Vonage, Africa's
Talking, the WhatsApp Cloud API) is one new folder: a ConversationProvider subclass that
sends, and webhook views that verify the provider's signature and call
inbound.receive_message, named in its `urls` and served under /conversations/<name>/."""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


class SendError(Exception):
    """Sending failed. `permanent`: trying again cannot help. `opted_out`: the provider says
    the person unsubscribed. `needs_template`: WhatsApp refused free text outside its window."""

    def __init__(self, message, permanent=False, opted_out=False, needs_template=False):
        super().__init__(message)
        self.permanent = permanent or opted_out or needs_template
        self.opted_out = opted_out
        self.needs_template = needs_template


class ConversationProvider:
    # The module of the provider's webhook URLs, or None when nothing calls in.
    urls = None

    def send(self, message):
        """Send an OutboundMessage (text, or template for WhatsApp) to message.contact.
        Return the provider's id for it; raise SendError when it is not accepted."""
        raise NotImplementedError

    def find_sent(self, message, since):
        """The provider's id for `message` if it accepted it at or after `since`, else None.
        Asked when a worker died while sending, so a message the provider took is not sent
        twice. A provider that cannot tell returns None: the message is sent again (a
        possible repeat rather than a possible loss)."""
        return None


@cache
def provider_named(name):
    return import_string(settings.CONVERSATION_PROVIDERS[name])()


def provider_classes():
    return {name: import_string(path) for name, path in settings.CONVERSATION_PROVIDERS.items()}
