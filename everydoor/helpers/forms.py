from django import forms
from django.utils.translation import gettext_lazy as _

from everydoor.languages.registry import all_languages


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": _("Please write the note.")})


class CloseForm(forms.Form):
    outcome = forms.CharField(label=_("What happened, and what was agreed"), max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              error_messages={"required": _("Please say what happened before closing the case.")})


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Your review (optional)"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))


class CaseloadFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages"))] + [
            (language.code, language.name_local) for language in all_languages()]

    def apply(self, cases):
        if self.is_valid() and self.cleaned_data["language"]:
            return cases.filter(language=self.cleaned_data["language"])
        return cases


class AssistForm(forms.Form):
    """What a helper is about to fill in with the person, or key in from paper."""

    language = forms.ChoiceField(label=_("The person's language"))
    what = forms.ChoiceField(label=_("What to fill in"))
    mode = forms.ChoiceField(label=_("How"), widget=forms.RadioSelect, choices=[
        ("assisted", _("Together with the person")), ("paper", _("From a paper form they filled in"))])

    def __init__(self, *args, **kwargs):
        from everydoor.screening.instruments import instrument_ids, load_instrument

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(language.code, language.name_local) for language in all_languages()]
        self.fields["what"].choices = [(instrument_id, load_instrument(instrument_id, "en").title)
                                       for instrument_id in instrument_ids()] + [
            ("referral", _("Self-referral")), ("course", _("Join the guided self-help course")),
            ("digital-skills", _("Digital skills lessons"))]


class AuditFilterForm(forms.Form):
    """Narrowing the audit log: whose actions, which kind, since when."""

    who = forms.CharField(label=_("Staff member (user name)"), max_length=150, required=False)
    action = forms.CharField(label=_("Action (for example: viewed)"), max_length=64, required=False)
    since = forms.DateField(label=_("From date (YYYY-MM-DD)"), required=False,
                            error_messages={"invalid": _("Please give a date like 2026-11-30.")})

    def events(self):
        from everydoor.privacy.audit import audit_events

        if not self.is_valid():
            return audit_events().none()
        return audit_events(self.cleaned_data["who"].strip(), self.cleaned_data["action"].strip(),
                            self.cleaned_data["since"])
