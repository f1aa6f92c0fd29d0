"""A private wellbeing self-check for staff and volunteers: the WHO-5, scored as published
(screening/scoring.py), shown to the person and never stored, so nobody else can see it."""

from everydoor.screening.forms import AllAnswersForm
from everydoor.screening.instruments import load_instrument
from everydoor.screening.results import meaning
from everydoor.screening.scoring import score

SELF_CHECK = "who-5"


def self_check_form(language, data=None):
    return AllAnswersForm(load_instrument(SELF_CHECK, language), data)


def self_check_result(form):
    """The score and what it means, from the form's answers alone."""
    instrument = form.instrument
    answers = form.answers()
    weights = {question.number: question.option(answers[question.link_id]).weight
               for question in instrument.scored_questions}
    result = score(instrument.scoring, weights)
    return {"score": result, "meaning": meaning(instrument.scoring, result.band),
            "low": result.band == "low_wellbeing"}
