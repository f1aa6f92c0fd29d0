from django import forms
from django.utils.translation import gettext_lazy as _

COMMENT_LIMIT = 1000


class ClarityForm(forms.Form):
    was_clear = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no."), "invalid_choice": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea,
        error_messages={"max_length": _("Please keep your comment under 1,000 characters.")},
    )
    revision = forms.IntegerField(required=False, min_value=1)


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, strip=True)
