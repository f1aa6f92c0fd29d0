import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import normalise_continue_code

PHONE = re.compile(r"^\+?[0-9 ()-]{7,20}$")


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
        phone = self.cleaned_data["phone"].strip()
        if not PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 7:
            raise forms.ValidationError(_("This does not look like a phone number. Please check it."))
        return phone
