from django import forms
from django.utils.translation import gettext_lazy as _

from everydoor.languages.registry import all_languages
from everydoor.referrals.routing import postcode_district

from . import markers


class EquityMarkersForm(forms.Form):
    """Every question optional, each with "prefer not to say"."""

    age_band = forms.ChoiceField(label=_("How old are you?"), choices=markers.AGE_BANDS, required=False,
                                 widget=forms.RadioSelect)
    gender = forms.ChoiceField(label=_("How do you describe yourself?"), choices=markers.GENDERS,
                               required=False, widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(label=_("What is your ethnic group?"), required=False,
                                  choices=[("", "—"), *markers.ETHNIC_GROUPS])
    country_of_birth = forms.CharField(label=_("In which country were you born?"), max_length=60,
                                       required=False)
    migration_situation = forms.ChoiceField(label=_("Which of these fits you best?"), required=False,
                                            choices=markers.MIGRATION_SITUATIONS, widget=forms.RadioSelect)
    time_in_uk = forms.ChoiceField(label=_("How long have you lived in the UK?"), required=False,
                                   choices=markers.TIME_IN_UK, widget=forms.RadioSelect)
    main_language = forms.ChoiceField(label=_("What is your main language?"), required=False)
    disability = forms.ChoiceField(
        label=_("Do you have a health condition or disability that makes daily life harder?"),
        required=False, choices=markers.YES_NO, widget=forms.RadioSelect)
    postcode = forms.CharField(label=_("The first part of your postcode, for example E15"), max_length=8,
                               required=False)
    # Unticked unless the person ticks it; not offered again once given (the page offers to withdraw it).
    research_use = forms.BooleanField(
        label=_("I agree that my answers here, without anything that identifies me, may also be used for "
                "research to improve mental-health services."), required=False)

    def __init__(self, *args, research_given=False, **kwargs):
        super().__init__(*args, **kwargs)
        if research_given:
            del self.fields["research_use"]
        self.fields["main_language"].choices = [("", "—")] + [
            (language.code, language.name_local) for language in all_languages()
        ] + [("other", _("Another language")), markers.PREFER_NOT_TO_SAY]

    def clean_postcode(self):
        typed = self.cleaned_data["postcode"].strip()
        if not typed:
            return ""
        district = postcode_district(typed)
        if not district:
            raise forms.ValidationError(_("This does not look like the start of a UK postcode, like E15."))
        return district
