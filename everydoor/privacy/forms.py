from django import forms
from django.utils.translation import gettext_lazy as _

from everydoor.screening.forms import ContinueCodeForm


class YourCodeForm(ContinueCodeForm):
    """A person's continue-code, from any of their questionnaires, requests or the course."""

    @staticmethod
    def not_found_message():
        # Says no more than this: not whether the code was ever used, nor what kind it is.
        return _("We found no data for this code. Please check it and try again.")


class DataRequestForm(YourCodeForm):
    """A supervisor acting on a person's request: the code the person gave, and how they asked."""

    reference = forms.CharField(
        label=_("Request reference, or how the person asked (for example: phoned on 30 November, ref 4411)"),
        max_length=500,
        error_messages={"required": _("Please write the request reference, or how the person asked.")},
    )


class EraseRequestForm(DataRequestForm):
    confirm = forms.BooleanField(
        label=_("The person asked for everything to be erased, and I have told them what they will lose."),
        error_messages={"required": _("Please confirm that the person asked for this and knows what they lose.")},
    )
