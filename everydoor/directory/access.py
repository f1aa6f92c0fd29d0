"""EveryDoor's access facts about a service, carried as Open Referral attributes in the
"everydoor-access" taxonomy, and the needs a person can search by ("everydoor-needs")."""

from django.utils.translation import gettext_lazy as _

ACCESS_TAXONOMY = "everydoor-access"
NEEDS_TAXONOMY = "everydoor-needs"
STAFF_LANGUAGE = "everydoor-access-staff-language"
INTERPRETERS = "everydoor-access-interpreters-booked"
DOCUMENTS = "everydoor-access-documents-required"
ASKS_STATUS = "everydoor-access-asks-immigration-status"
ASKS_GP = "everydoor-access-asks-gp-registration"
WOMEN_ONLY = "everydoor-access-women-only"
DROP_IN = "everydoor-access-drop-in"

NEED_LABELS = {
    "everydoor-need-talking-therapy": _("Talking therapy"),
    "everydoor-need-peer-support": _("Support from people who have been through it"),
    "everydoor-need-gp-access": _("Help to see a doctor"),
    "everydoor-need-faith": _("Faith and community support"),
    "everydoor-need-advice": _("Advice on rights, money and housing"),
}


def access_facts(service):
    """{term id: [values]} of the service's access attributes (prefetched)."""
    facts = {}
    for attribute in service.attributes.all():
        if attribute.taxonomy_term.taxonomy == ACCESS_TAXONOMY:
            facts.setdefault(attribute.taxonomy_term_id, []).append(attribute.value)
    return facts


def is_yes(facts, term_id):
    return any(value.strip().lower() == "true" for value in facts.get(term_id, []))


def is_no(facts, term_id):
    return any(value.strip().lower() == "false" for value in facts.get(term_id, []))
