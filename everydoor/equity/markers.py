"""The equity markers: what a person may tell us about themselves, once and only if they
want to, so a service can see whom it reaches. Every question has "prefer not to say".

Ethnic groups are the 19 categories of the 2021 Census in England (ONS, "Ethnic group
classification", census 2021 questionnaire), under their five headings."""

from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = ("prefer_not", _("Prefer not to say"))

AGE_BANDS = [("16-17", "16–17"), ("18-24", "18–24"), ("25-34", "25–34"), ("35-44", "35–44"),
             ("45-54", "45–54"), ("55-64", "55–64"), ("65+", _("65 or older")), PREFER_NOT_TO_SAY]

GENDERS = [("woman", _("Woman")), ("man", _("Man")), ("non_binary", _("Non-binary")),
           ("another", _("In another way")), PREFER_NOT_TO_SAY]

ETHNIC_GROUPS = [
    (_("Asian, Asian British or Asian Welsh"), [
        ("asian_bangladeshi", _("Bangladeshi")), ("asian_chinese", _("Chinese")), ("asian_indian", _("Indian")),
        ("asian_pakistani", _("Pakistani")), ("asian_other", _("Any other Asian background"))]),
    (_("Black, Black British, Black Welsh, Caribbean or African"), [
        ("black_african", _("African")), ("black_caribbean", _("Caribbean")),
        ("black_other", _("Any other Black, Black British or Caribbean background"))]),
    (_("Mixed or Multiple ethnic groups"), [
        ("mixed_white_asian", _("White and Asian")), ("mixed_white_black_african", _("White and Black African")),
        ("mixed_white_black_caribbean", _("White and Black Caribbean")),
        ("mixed_other", _("Any other Mixed or Multiple ethnic background"))]),
    (_("White"), [
        ("white_british", _("English, Welsh, Scottish, Northern Irish or British")), ("white_irish", _("Irish")),
        ("white_gypsy_traveller", _("Gypsy or Irish Traveller")), ("white_roma", _("Roma")),
        ("white_other", _("Any other White background"))]),
    (_("Other ethnic group"), [("other_arab", _("Arab")), ("other_any", _("Any other ethnic group"))]),
    ("", [PREFER_NOT_TO_SAY]),
]

MIGRATION_SITUATIONS = [
    ("refugee", _("I have refugee status or humanitarian protection")),
    ("seeking_asylum", _("I am seeking asylum")),
    ("other_visa", _("I am here on another visa (work, study, family or other)")),
    ("settled", _("I am British, or I have settled status or indefinite leave")),
    PREFER_NOT_TO_SAY,
]

TIME_IN_UK = [("under_1", _("Less than 1 year")), ("1-5", _("1 to 5 years")), ("5-10", _("5 to 10 years")),
              ("over_10", _("More than 10 years")), ("born_here", _("I was born in the UK")), PREFER_NOT_TO_SAY]

YES_NO = [("yes", _("Yes")), ("no", _("No")), PREFER_NOT_TO_SAY]


def flat_choices(grouped):
    return [choice for _heading, choices in grouped for choice in choices]
