"""One form per screen of the self-referral. Every message is the person's language; each
form reads its initial values from the referral and writes back only its own fields."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from everydoor.languages.registry import all_languages
from everydoor.screening.forms import checked_phone
from everydoor.screening.models import normalise_continue_code

from .models import Referral
from .routing import postcode_district

REQUIRED = _("Please answer this question.")
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
GENDER_CHOICES = [
    (Referral.Gender.ANY, _("No preference")),
    (Referral.Gender.FEMALE, _("A woman")),
    (Referral.Gender.MALE, _("A man")),
]
SAFE_TIME_CHOICES = [
    ("morning", _("Morning (9am to 12 noon)")),
    ("afternoon", _("Afternoon (12 noon to 5pm)")),
    ("evening", _("Evening (5pm to 8pm)")),
]


NUMBER_BOX = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


def yes_no_field(label, **kwargs):
    return forms.TypedChoiceField(
        label=label, choices=YES_NO, widget=forms.RadioSelect, coerce=lambda value: value == "yes",
        error_messages={"required": REQUIRED, "invalid_choice": REQUIRED}, **kwargs,
    )


def as_yes_no(value):
    return None if value is None else ("yes" if value else "no")


class ReferralStepForm(forms.Form):
    """A screen of the referral form. Subclasses list `fields_on_referral` that map one to one;
    those in `yes_no_fields` are booleans on the referral and yes/no radios on the screen."""

    fields_on_referral = ()
    yes_no_fields = ()

    def __init__(self, referral, *args, **kwargs):
        self.referral = referral
        super().__init__(*args, initial=self.initial_from(referral), **kwargs)

    def initial_from(self, referral):
        initial = {name: getattr(referral, name) for name in self.fields_on_referral}
        for name in self.yes_no_fields:
            initial[name] = as_yes_no(initial[name])
        return initial

    def save(self):
        for name in self.fields_on_referral:
            setattr(self.referral, name, self.cleaned_data[name])
        self.referral.save()


class AboutYouForm(ReferralStepForm):
    name = forms.CharField(
        label=_("Your name, or the name you would like us to use"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please type a name we can call you.")},
    )
    # Text boxes with a number keypad rather than type=number, whose spinners and silent
    # rounding confuse people (the GOV.UK date-input pattern).
    day = forms.IntegerField(label=_("Day"), min_value=1, max_value=31, required=False, widget=NUMBER_BOX)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False, widget=NUMBER_BOX)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False, widget=NUMBER_BOX)

    def initial_from(self, referral):
        initial = {"name": referral.name}
        if referral.date_of_birth:
            born = date.fromisoformat(referral.date_of_birth)
            initial.update(day=born.day, month=born.month, year=born.year)
        return initial

    def clean(self):
        cleaned = super().clean()
        for part in ("day", "month", "year"):  # one message for the date, not three
            self.errors.pop(part, None)
        parts = [cleaned.get(part) for part in ("day", "month", "year")]
        if None in parts:
            self.add_error("day", _("Please type your date of birth as numbers, for example 31 3 1990."))
            return cleaned
        try:
            born = date(parts[2], parts[1], parts[0])
        except ValueError:
            self.add_error("day", _("This date does not exist. Please check it."))
            return cleaned
        if born >= date.today():
            self.add_error("day", _("Your date of birth must be in the past."))
            return cleaned
        cleaned["date_of_birth"] = born.isoformat()
        return cleaned

    def save(self):
        self.referral.name = self.cleaned_data["name"].strip()
        self.referral.date_of_birth = self.cleaned_data["date_of_birth"]
        self.referral.save()


class ContactForm(ReferralStepForm):
    fields_on_referral = ("phone", "email", "contact_by")
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(
        label=_("Email address (if you have one)"), required=False,
        error_messages={"invalid": _("This does not look like an email address. Please check it.")},
    )
    contact_by = forms.ChoiceField(
        label=_("How should the service contact you first?"), widget=forms.RadioSelect,
        choices=[(Referral.ContactBy.CALL, _("A phone call")), (Referral.ContactBy.TEXT, _("A text message")),
                 (Referral.ContactBy.EMAIL, _("An email"))],
        error_messages={"required": REQUIRED},
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return checked_phone(phone) if phone else ""

    def clean(self):
        cleaned = super().clean()
        phone, email, contact_by = cleaned.get("phone"), cleaned.get("email"), cleaned.get("contact_by")
        if "phone" in self.errors or "email" in self.errors:
            return cleaned
        if not phone and not email:
            self.add_error("phone", _("Please give a phone number or an email address, so the service can reach you."))
        elif contact_by in (Referral.ContactBy.CALL, Referral.ContactBy.TEXT) and not phone:
            self.add_error("phone", _("Please give a phone number, or choose email."))
        elif contact_by == Referral.ContactBy.EMAIL and not email:
            self.add_error("email", _("Please give an email address, or choose a call or a text."))
        return cleaned


class SafeContactForm(ReferralStepForm):
    fields_on_referral = ("may_leave_voicemail", "may_text", "safe_times", "do_not_speak_to")
    yes_no_fields = ("may_leave_voicemail", "may_text")
    may_leave_voicemail = yes_no_field(_("May the service leave a voice message?"))
    may_text = yes_no_field(_("May the service send you text messages?"))
    safe_times = forms.MultipleChoiceField(
        label=_("When is it safe to contact you? Choose all that fit."), choices=SAFE_TIME_CHOICES,
        widget=forms.CheckboxSelectMultiple, required=False,
        error_messages={"invalid_choice": REQUIRED},
    )
    do_not_speak_to = forms.CharField(
        label=_("Is there anyone the service must not speak to about you? (optional)"), max_length=200,
        required=False, widget=forms.Textarea(attrs={"rows": 2}),
    )


class DoctorForm(ReferralStepForm):
    fields_on_referral = ("has_gp", "gp_practice", "postcode")
    has_gp = forms.ChoiceField(
        label=_("Are you registered with a GP (a family doctor)?"), widget=forms.RadioSelect,
        choices=[(Referral.HasGP.YES, _("Yes")), (Referral.HasGP.NO, _("No")),
                 (Referral.HasGP.NOT_SURE, _("I am not sure"))],
        error_messages={"required": REQUIRED},
    )
    gp_practice = forms.CharField(label=_("Name of your GP practice (optional)"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Your postcode (optional)"), max_length=10, required=False,
                               widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))

    def clean_postcode(self):
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        if postcode and not postcode_district(postcode):
            raise forms.ValidationError(_("This does not look like a UK postcode, like E15 4LZ. Please check it."))
        return postcode

    def save(self):
        self.referral.postcode_district = postcode_district(self.cleaned_data["postcode"])
        super().save()


def language_choices():
    return [(language.code, f"{language.name_local} ({language.name})") for language in all_languages()] + [
        ("other", _("Another language"))
    ]


class LanguageForm(ReferralStepForm):
    fields_on_referral = ("preferred_language", "other_language", "dialect", "interpreter_needed",
                          "interpreter_gender", "clinician_gender")
    yes_no_fields = ("interpreter_needed",)
    preferred_language = forms.ChoiceField(
        label=_("Which language do you want to speak?"), choices=language_choices,
        error_messages={"required": REQUIRED},
    )
    other_language = forms.CharField(label=_("If another language, which one?"), max_length=100, required=False)
    dialect = forms.CharField(label=_("Dialect or region (optional)"), max_length=100, required=False)
    interpreter_needed = yes_no_field(_("Do you need an interpreter? It is free."))
    interpreter_gender = forms.ChoiceField(
        label=_("Would you prefer the interpreter to be"), choices=GENDER_CHOICES, widget=forms.RadioSelect,
        error_messages={"required": REQUIRED},
    )
    clinician_gender = forms.ChoiceField(
        label=_("Would you prefer the person who helps you to be"), choices=GENDER_CHOICES,
        widget=forms.RadioSelect, error_messages={"required": REQUIRED},
    )

    def initial_from(self, referral):
        initial = super().initial_from(referral)
        initial["preferred_language"] = referral.preferred_language or referral.language
        return initial

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("preferred_language") == "other" and not cleaned.get("other_language", "").strip():
            self.add_error("other_language", _("Please type the language you want to speak."))
        return cleaned


class ResultsForm(ReferralStepForm):
    """Which questionnaire results go with the request: those the person holds, or a code."""

    share = forms.MultipleChoiceField(
        label=_("Send these results with your request"), widget=forms.CheckboxSelectMultiple, required=False,
        error_messages={"invalid_choice": REQUIRED},
    )
    code = forms.CharField(label=_("Or type the code of another result (optional)"), max_length=20, required=False)

    def __init__(self, referral, held_screenings, *args, **kwargs):
        self.held = {str(screening.pk): screening for screening in held_screenings}
        super().__init__(referral, *args, **kwargs)
        self.fields["share"].choices = [(pk, pk) for pk in self.held]

    def initial_from(self, referral):
        chosen = {str(pk) for pk in referral.screenings.values_list("pk", flat=True)}
        return {"share": [pk for pk in self.held if pk in chosen]}

    def clean_code(self):
        from everydoor.screening.models import Screening

        typed = self.cleaned_data["code"].strip()
        if not typed:
            return None
        screening = Screening.objects.filter(
            continue_code=normalise_continue_code(typed) or "", status=Screening.Status.COMPLETED
        ).first()
        if screening is None:
            raise forms.ValidationError(_("We cannot find a finished result with this code. Please check it."))
        return screening

    def save(self):
        chosen = [self.held[pk] for pk in self.cleaned_data["share"]]
        if self.cleaned_data["code"] is not None:
            chosen.append(self.cleaned_data["code"])
        others = self.referral.screenings.exclude(pk__in=[pk for pk in self.held])
        self.referral.screenings.set([*others, *chosen])


class ConsentForm(ReferralStepForm):
    consent = forms.BooleanField(
        label=_("I agree that EveryDoor sends these details to the service, so that they can contact me."),
        error_messages={"required": _("We can only send your request if you agree. Please tick the box.")},
    )

    def initial_from(self, referral):
        return {}

    def save(self):
        pass  # submit_referral records consent with everything else
