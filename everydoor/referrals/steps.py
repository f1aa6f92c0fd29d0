"""The screens of the self-referral, in order: one topic per screen."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    intro: str = ""


STEPS = [
    Step("you", _("About you"), forms.AboutYouForm),
    Step("contact", _("How to contact you"), forms.ContactForm),
    Step("safe-contact", _("Contacting you safely"), forms.SafeContactForm,
         _("We tell the service exactly what you choose here.")),
    Step("doctor", _("Your doctor and where you live"), forms.DoctorForm,
         _("You do not need a GP to ask for help. Your postcode helps us find the service for your area.")),
    Step("language", _("Your language"), forms.LanguageForm,
         _("NHS interpreters are free. You can ask for one for every appointment.")),
    Step("results", _("Your answers to the questions"), forms.ResultsForm,
         _("If you answered our questions, you can send your results. This can help the service.")),
]
CHECK_STEP_NUMBER = len(STEPS) + 1


def step_by_slug(slug):
    for number, step in enumerate(STEPS, start=1):
        if step.slug == slug:
            return number, step
    return None, None


def next_slug(slug):
    number, _step = step_by_slug(slug)
    return STEPS[number].slug if number < len(STEPS) else None


def first_unfinished_step(referral):
    """Where a person coming back with their code should go: the first screen they left empty."""
    unfinished = [
        ("you", not referral.date_of_birth),
        ("contact", not referral.contact_by),
        ("safe-contact", referral.may_leave_voicemail is None),
        ("doctor", not referral.has_gp),
        ("language", referral.interpreter_needed is None),
    ]
    for slug, empty in unfinished:
        if empty:
            return slug
    return None
