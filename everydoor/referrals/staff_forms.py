from django import forms
from django.utils import timezone

from .access import IN_COMMUNITY_QUEUE
from .models import Referral


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Why can the service not take this referral?", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason: a community worker reads it to find the person other help."},
    )


class FirstContactForm(forms.Form):
    when = forms.DateTimeField(
        label="When did you first speak to the person?", initial=timezone.localtime,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"required": "Give the date and time of the first contact.",
                        "invalid": "Give the date and time like 2026-11-30 14:30."},
    )
    note = forms.CharField(label="Note (optional)", max_length=1000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when > timezone.now():
            raise forms.ValidationError("The first contact cannot be in the future.")
        return when


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status")] + [
        choice for choice in Referral.Status.choices
        if choice[0] not in (Referral.Status.DRAFT, Referral.Status.WITHDRAWN)])
    language = forms.CharField(required=False, max_length=16, label="Language code")
    interpreter = forms.ChoiceField(required=False, label="Interpreter",
                                    choices=[("", "Any"), ("yes", "Needed"), ("no", "Not needed")])
    queue = forms.ChoiceField(required=False, label="Queue",
                              choices=[("", "All I can see"), ("community", "Community-worker queue")])

    def apply(self, referrals):
        if not self.is_valid():
            return referrals
        data = self.cleaned_data
        if data["status"]:
            referrals = referrals.filter(status=data["status"])
        if data["language"]:
            referrals = referrals.filter(preferred_language=data["language"])
        if data["interpreter"]:
            referrals = referrals.filter(interpreter_needed=data["interpreter"] == "yes")
        if data["queue"] == "community":
            referrals = referrals.filter(IN_COMMUNITY_QUEUE)
        return referrals
