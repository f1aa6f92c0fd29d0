from django import template
from django.utils.translation import gettext_lazy as _

from everydoor.languages.registry import get_language

register = template.Library()


@register.filter
def language_name(code):
    """A person's language as helpers read it: its own name, and its English name."""
    try:
        language = get_language(code)
    except KeyError:
        return code
    return language.name if language.name == language.name_local else f"{language.name_local} ({language.name})"


CHANNELS = {
    "web": _("Website"), "sms": _("SMS"), "whatsapp": _("WhatsApp"), "voice": _("Phone call"),
    "conversation": _("SMS, WhatsApp or phone call"), "assisted": _("With a helper"),
    "paper": _("Paper form"),
}


@register.filter
def channel_name(code):
    """How the person reached us, in the console's language (the stored code if unknown)."""
    return CHANNELS.get(code or "web", code)
