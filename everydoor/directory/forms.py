from django import forms
from django.utils.translation import gettext_lazy as _

from everydoor.languages.registry import all_languages

from .access import NEED_LABELS
from .location import district_of
from .search import DirectoryQuery

DISTANCES_KM = [2, 5, 10, 20, 50]
POSTCODE_PROBLEM = _("This does not look like a UK postcode, like E15 4QR. Please check it.")


class DirectorySearchForm(forms.Form):
    need = forms.ChoiceField(label=_("What would help?"), required=False)
    language = forms.ChoiceField(label=_("Staff who speak"), required=False)
    postcode = forms.CharField(
        label=_("Your postcode (you do not have to give it)"), required=False, max_length=10,
        error_messages={"max_length": POSTCODE_PROBLEM},
    )
    within_km = forms.TypedChoiceField(
        label=_("How far can you travel?"), coerce=int, required=False, empty_value=20,
        choices=[(km, _("%(km)s km") % {"km": km}) for km in DISTANCES_KM],
    )
    free_only = forms.BooleanField(label=_("Only free services"), required=False)
    open_now = forms.BooleanField(label=_("Only services open now"), required=False)
    age = forms.IntegerField(
        label=_("Age of the person who needs help"), required=False, min_value=0, max_value=120,
        error_messages={"invalid": _("Please write the age as a number."),
                        "min_value": _("Please write the age as a number."),
                        "max_value": _("Please write the age as a number.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [("", _("Any kind of help"))] + list(NEED_LABELS.items())
        self.fields["language"].choices = [("", _("Any language"))] + [
            (language.code, language.name_local) for language in all_languages()
        ]

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip().upper()
        if postcode and district_of(postcode) is None:
            raise forms.ValidationError(POSTCODE_PROBLEM)
        return postcode

    def query(self):
        data = self.cleaned_data
        return DirectoryQuery(
            need=data["need"], language=data["language"], postcode=data["postcode"],
            within_km=data["within_km"] or 20, free_only=data["free_only"], open_now=data["open_now"],
            age=data["age"],
        )
