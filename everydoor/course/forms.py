from django import forms
from django.utils.translation import gettext_lazy as _

from everydoor.screening.forms import checked_phone

from .models import Enrolment


class JoinForm(forms.Form):
    """Joining the course: how the helper should check in each week, and when it is safe."""

    check_in_by = forms.ChoiceField(
        label=_("How should your helper contact you each week?"),
        choices=[
            (Enrolment.CheckInBy.PHONE, _("Phone call")),
            (Enrolment.CheckInBy.SMS, _("Text message (SMS)")),
            (Enrolment.CheckInBy.WHATSAPP, _("WhatsApp message")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how your helper should contact you.")},
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=20,
        error_messages={"required": _("Please type a phone number so your helper can contact you.")},
    )
    safe_times = forms.CharField(
        label=_("When is it safe to contact you? (you do not have to say)"),
        max_length=200, required=False,
    )
    safe_to_leave_message = forms.BooleanField(
        label=_("It is safe to leave me a message on this phone."), required=False
    )
    consent = forms.BooleanField(
        label=_("I agree that EveryDoor keeps this number and a helper contacts me about the course."),
        error_messages={"required": _("A helper can only contact you if you agree. Please tick the box.")},
    )

    def clean_phone(self):
        return checked_phone(self.cleaned_data["phone"])


class CheckInForm(forms.Form):
    """A helper recording this week's check-in."""

    how = forms.ChoiceField(
        label=_("How did you check in?"),
        choices=[
            ("phone", _("Phone call")), ("sms", _("Text message (SMS)")),
            ("whatsapp", _("WhatsApp message")), ("in_person", _("In person")),
        ],
        error_messages={"required": _("Please choose how you checked in.")},
    )
    reached = forms.TypedChoiceField(
        label=_("Did you reach the person?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please say whether you reached the person.")},
    )
    note = forms.CharField(
        label=_("What you talked about and agreed (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False,
    )
