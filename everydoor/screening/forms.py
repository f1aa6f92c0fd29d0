import re
import uuid
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import normalise_continue_code

PHONE = re.compile(r"^\+?[0-9 ()-]{7,20}$")


def checked_phone(typed):
    """The phone number as typed, trimmed; a ValidationError in the person's language if it
    cannot be one."""
    phone = typed.strip()
    if not PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 7:
        raise forms.ValidationError(_("This does not look like a phone number. Please check it."))
    return phone


class ContinueCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=20,
        error_messages={"required": _("Please type the code you wrote down.")},
    )

    @staticmethod
    def not_found_message():
        return _("We cannot find this code. Please check it, or start again.")

    def clean_code(self):
        code = normalise_continue_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(_("A code has 10 letters and numbers, like ACD4F-7HJK9. Please check it."))
        return code


class ContactRequestForm(forms.Form):
    """Someone at risk asking a helper to call them back."""

    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=20,
        error_messages={"required": _("Please type a phone number so a helper can call you.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that EveryDoor keeps this number and a helper calls me."),
        error_messages={"required": _("A helper can only call you if you agree. Please tick the box.")},
    )
    safe_to_leave_message = forms.BooleanField(
        label=_("It is safe to leave me a message on this phone."), required=False
    )

    def clean_phone(self):
        return checked_phone(self.cleaned_data["phone"])


@dataclass(frozen=True)
class AnswerRow:
    question: object
    chosen: str | None  # the code the person chose, kept when the page comes back with errors
    missing: bool


class AllAnswersForm:
    """Every question of a questionnaire on one page: one load instead of one per question
    on a slow connection, and the quickest way for a helper to key in a paper form.

    Not a django.forms.Form: radio groups checked against the questionnaire's own answer
    options need none of its machinery, and building ten ChoiceFields cost more than the
    rest of this busiest of POSTs (see bench/screening.py)."""

    def __init__(self, instrument, data=None):
        self.instrument = instrument
        self.data = data
        self.submission = (data or {}).get("submission") or str(uuid.uuid4())
        self.rows = [self._row(question) for question in instrument.questions]

    def _row(self, question):
        chosen = self.data.get(question.link_id) if self.data is not None else None
        valid = question.option(chosen) is not None
        return AnswerRow(question, chosen if valid else None,
                         missing=self.data is not None and question.required and not valid)

    @property
    def errors(self):
        return [row for row in self.rows if row.missing]

    def is_valid(self):
        return self.data is not None and not self.errors

    def answers(self):
        return {row.question.link_id: row.chosen for row in self.rows if row.chosen}

    def submission_key(self):
        # A form sent without a good key (an old page, a hand-made request) still counts once.
        try:
            return uuid.UUID(self.submission)
        except ValueError:
            return uuid.uuid4()
