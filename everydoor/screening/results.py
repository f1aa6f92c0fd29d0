"""What a result means, in plain words. Never a diagnosis: a questionnaire only shows how
someone has been feeling, and a trained person can say more."""

from django.utils.translation import gettext_lazy as _

MEANINGS = {
    ("phq9", "minimal"): _("Your answers show few or no signs of low mood."),
    ("phq9", "mild"): _("Your answers show some signs of low mood."),
    ("phq9", "moderate"): _("Your answers show signs of low mood that are affecting you quite a lot."),
    ("phq9", "moderately_severe"): _("Your answers show strong signs of low mood."),
    ("phq9", "severe"): _("Your answers show very strong signs of low mood."),
    ("gad7", "minimal"): _("Your answers show few or no signs of anxiety."),
    ("gad7", "mild"): _("Your answers show some signs of anxiety."),
    ("gad7", "moderate"): _("Your answers show signs of anxiety that are affecting you quite a lot."),
    ("gad7", "severe"): _("Your answers show strong signs of anxiety."),
    ("phq4", "normal"): _("Your answers show few or no signs of worry or low mood."),
    ("phq4", "mild"): _("Your answers show some signs of worry or low mood."),
    ("phq4", "moderate"): _("Your answers show signs of worry or low mood that are affecting you quite a lot."),
    ("phq4", "severe"): _("Your answers show strong signs of worry or low mood."),
    ("pcl5", "below_cutoff"): _(
        "Your answers show some reactions to frightening events, below the level where more help is usually offered."
    ),
    ("pcl5", "above_cutoff"): _(
        "Your answers show strong reactions to frightening events. "
        "Many people feel like this after what they have been through, and help works."
    ),
    ("who5", "wellbeing"): _("Your answers show that you have mostly been feeling well."),
    ("who5", "low_wellbeing"): _("Your answers show that you have not been feeling well lately."),
    ("rhs15", "negative"): _("Your answers show some signs of distress."),
    ("rhs15", "positive"): _("Your answers show a lot of distress."),
}

# Bands where talking to someone soon is the first suggestion.
NEEDS_SUPPORT = {
    ("phq9", "moderate"), ("phq9", "moderately_severe"), ("phq9", "severe"),
    ("gad7", "moderate"), ("gad7", "severe"),
    ("phq4", "moderate"), ("phq4", "severe"),
    ("pcl5", "above_cutoff"), ("who5", "low_wellbeing"), ("rhs15", "positive"),
}


def meaning(scoring_rule, band):
    return MEANINGS[(scoring_rule, band)]


def needs_support(scoring_rule, band):
    return (scoring_rule, band) in NEEDS_SUPPORT
