from django import forms
from django.utils.translation import gettext_lazy as _

from .lessons import LESSONS


class SkillsCheckForm(forms.Form):
    can_already = forms.MultipleChoiceField(
        label=_("Tick what you can already do. Leave the rest: we will show you short lessons for them."),
        choices=[(lesson.slug, lesson.can_already) for lesson in LESSONS],
        widget=forms.CheckboxSelectMultiple, required=False,
    )
