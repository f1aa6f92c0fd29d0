from django import template
from django.utils.translation import gettext_lazy as _

from everydoor.languages.registry import get_language

from ..access import ASKS_GP, ASKS_STATUS, DOCUMENTS, DROP_IN, INTERPRETERS, WOMEN_ONLY, is_no, is_yes
from ..search import opening_days

register = template.Library()

DAY_NAMES = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


@register.filter
def language_name(language):
    """A service's language in its own name where EveryDoor knows it ("العربية"), else as given."""
    try:
        return get_language(language.code).name_local
    except KeyError:
        return language.name or language.code


@register.filter
def days_of(schedule):
    return [DAY_NAMES[index] for index in opening_days(schedule)]


@register.filter
def kilometres(metres):
    return f"{metres / 1000:.1f}"


@register.simple_tag
def access_notes(result):
    """Plain sentences about what to expect, from the service's access facts."""
    facts = result.facts
    notes = []
    if is_yes(facts, WOMEN_ONLY):
        notes.append(_("Women only"))
    if is_yes(facts, DROP_IN):
        notes.append(_("You can drop in without an appointment"))
    if is_yes(facts, INTERPRETERS):
        notes.append(_("They book interpreters for you"))
    if is_no(facts, ASKS_STATUS):
        notes.append(_("They do not ask about immigration status"))
    if is_no(facts, ASKS_GP):
        notes.append(_("You do not need to be registered with a GP"))
    elif is_yes(facts, ASKS_GP):
        notes.append(_("You need to be registered with a GP"))
    if facts.get(DOCUMENTS) and not documents_asked(result):
        notes.append(_("No documents needed"))
    return notes


@register.simple_tag
def documents_asked(result):
    return [value for value in result.facts.get(DOCUMENTS, []) if value and value.lower() != "none"]
