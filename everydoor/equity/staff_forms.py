import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dashboard import DIMENSION_NAMES, STEP_NAMES, postcode_areas, reference_populations
from .reference import ReferenceError, read_reference_csv

# Twelve weeks back by default: long enough for a trend, short enough to read.
DEFAULT_WEEKS = 12


class DashboardFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    area = forms.ChoiceField(label=_("Postcode area"), required=False)
    dimension = forms.ChoiceField(label=_("Break down by"), required=False,
                                  choices=list(DIMENSION_NAMES.items()))
    step = forms.ChoiceField(label=_("Share of visitors who reached"), required=False,
                             choices=list(STEP_NAMES.items()))
    population = forms.ChoiceField(label=_("Compare with"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("Everywhere"))] + [(area, area) for area in postcode_areas()]
        self.fields["population"].choices = [("", "—")] + [
            (str(population.pk), population.name) for population in reference_populations()]

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        cleaned["end"] = cleaned.get("end") or today
        cleaned["start"] = cleaned.get("start") or cleaned["end"] - datetime.timedelta(weeks=DEFAULT_WEEKS)
        if cleaned["start"] > cleaned["end"]:
            self.add_error("start", _("The start date must be on or before the end date."))
        cleaned["dimension"] = cleaned.get("dimension") or "ethnicity"
        cleaned["step"] = cleaned.get("step") or "referred"
        return cleaned

    def chosen_population(self):
        chosen = self.cleaned_data.get("population")
        return reference_populations().filter(pk=chosen).first() if chosen else None


class ReferenceUploadForm(forms.Form):
    name = forms.CharField(label=_("Name, with its source and year"), max_length=120,
                           help_text=_("For example: Census 2021, Newham, ethnic group (ONS table TS021)"))
    marker = forms.ChoiceField(label=_("Which question it describes"),
                               choices=[(name, label) for name, label in DIMENSION_NAMES.items()
                                        if name not in ("channel", "language")])
    file = forms.FileField(label=_("CSV file"), help_text=_(
        "Two columns with a heading row: value, and either share (a fraction or a percentage) or count."))

    def clean(self):
        cleaned = super().clean()
        upload, marker = cleaned.get("file"), cleaned.get("marker")
        if upload and marker:
            try:
                cleaned["shares"] = read_reference_csv(upload, marker)
            except ReferenceError as problem:
                self.add_error("file", str(problem))
        return cleaned
