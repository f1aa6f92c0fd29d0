"""The web door to the conversations: the same journey as SMS, WhatsApp and the phone line,
one step at a time on a page that works without JavaScript. Each reply is answered at once
(no worker, no message sent); the page shows what the engine would have texted."""

import re
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods

from everydoor.equity.profiles import journey_of
from everydoor.languages.registry import get_language
from everydoor.privacy.referrer import referrer_policy_for_forms

from .engine import expected_choices, respond
from .journeys import JOURNEY, Conversation, language_choices, prompt_in_language
from .models import Channel, Contact, address_key

SESSION_CONTACT = "conversation"
SESSION_SHOWN = "conversation_shown"
LONGEST_REPLY = 200
# A line of a message that offers a choice: "1 Check how you are".
CHOICE_LINE = re.compile(r"^(\d{1,2}) (.+)$")


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def talk(request):
    language = translation.get_language()
    if request.method == "POST":
        if "restart" in request.POST:
            request.session.pop(SESSION_CONTACT, None)
            request.session.pop(SESSION_SHOWN, None)
            return redirect("talk")
        contact = _reply(request, language)
        return redirect(_talk_url(contact.language or language))

    contact = _contact_of(request)
    if contact is None:
        # Nothing is stored until the person answers: a visit alone leaves no trace.
        contact = Contact(channel=Channel.WEB, language=language, state={"step": "menu"})
        messages, typed = prompt_in_language("menu", Conversation(contact)), ""
    else:
        messages, typed = _messages_to_show(request, contact, language)
    step = JOURNEY[contact.state["step"]]
    return render(request, "conversations/talk.html", {
        "messages": _blocks(messages, contact),
        "wants_phone": step.wants_phone,
        "urgent": step.name == "urgent",
        "typed": typed,
        "started": not contact._state.adding,
    })


def _reply(request, language):
    """Answer the person's choice or typed reply; keep what the engine said for the page."""
    typed = request.POST.get("typed", "")[:LONGEST_REPLY]
    reply = request.POST.get("choice") or typed
    with transaction.atomic():
        contact = _contact_of(request, for_update=True)
        if contact is None:
            # The page's journey is this browser's: steps taken here join those on other pages.
            contact = Contact.objects.create(
                channel=Channel.WEB, provider="web", language=language,
                state={"step": "menu", "journey": str(journey_of(request))},
                # No phone number yet: a random key stands in for one.
                address="", address_key=address_key(Channel.WEB, secrets.token_urlsafe(24)))
            request.session[SESSION_CONTACT] = str(contact.pk)
        contact.language = language  # the language of the page they answered on
        step_before = contact.state.get("step")
        messages = respond(contact, reply)
    # A number that was not understood is shown again to correct, not typed again.
    kept = typed if typed and contact.state.get("step") == step_before else ""
    request.session[SESSION_SHOWN] = {"step": contact.state["step"], "language": contact.language,
                                      "messages": [str(message) for message in messages], "typed": kept}
    return contact


def _messages_to_show(request, contact, language):
    shown = request.session.get(SESSION_SHOWN) or {}
    if shown.get("step") == contact.state.get("step") and shown.get("language") == language and shown["messages"]:
        return shown["messages"], shown.get("typed", "")
    # The person changed the page's language (or came back later): ask again, in it.
    with transaction.atomic():
        contact = Contact.objects.select_for_update().get(pk=contact.pk)
        contact.language = language
        messages = prompt_in_language(contact.state["step"], Conversation(contact))
        contact.save()
    return messages, ""


def _contact_of(request, for_update=False):
    contact_id = request.session.get(SESSION_CONTACT)
    if not contact_id:
        return None
    contacts = Contact.objects.select_for_update() if for_update else Contact.objects
    try:
        return contacts.filter(pk=contact_id, channel=Channel.WEB).first()
    except ValidationError:  # not a UUID: not a session we wrote
        return None


def _talk_url(language):
    with translation.override(language):
        return reverse("talk")


def _blocks(messages, contact):
    """Each message as lines of text and choice buttons. A line such as "1 Check how you are"
    is a button when its number is a reply the step understands."""
    offered = expected_choices(contact)
    languages = language_choices() if contact.state.get("step") == "language" else {}
    blocks = []
    for message in messages:
        lines = []
        for line in map(str.strip, str(message).splitlines()):
            match = CHOICE_LINE.match(line)
            if match and match.group(1) in offered:
                number = match.group(1)
                language = get_language(languages[number]) if number in languages else None
                lines.append({"choice": number, "text": line, "language": language})
            elif line:
                lines.append({"text": line})
        blocks.append(lines)
    return blocks
