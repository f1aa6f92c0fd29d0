"""The referral letter: an English PDF for the clinical record, with the person's answers
in the words they read them in beside the English wording."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from everydoor.languages.registry import get_language
from everydoor.screening.instruments import load_instrument

from .fhir import contact_rules


def answered_screenings(referral):
    """Each attached screening with its answers in the original language and in English."""
    for screening in referral.screenings.order_by("completed_at"):
        shown = load_instrument(screening.instrument_id, screening.language)
        english = load_instrument(screening.instrument_id, "en")
        rows = []
        for question, question_en in zip(shown.questions, english.questions, strict=True):
            code = screening.answers.get(question.link_id)
            if code is not None:
                rows.append((question.number, question.text, question_en.text,
                             question.option(code).display, question_en.option(code).display))
        yield {"screening": screening, "instrument": english, "rows": rows,
               "language": get_language(screening.language)}


def language_name(code):
    try:
        return get_language(code).name
    except KeyError:
        return code


def languages_in_english(referral):
    """The language the person wants to speak, and the one they filled the form in."""
    spoken = referral.other_language if referral.preferred_language == "other" else language_name(
        referral.preferred_language)
    return {"spoken_language": spoken, "form_language": language_name(referral.language)}


def referral_letter_pdf(referral):
    with translation.override("en"):
        html = render_to_string("referrals/letter.html", {
            "referral": referral,
            **languages_in_english(referral),
            "rules": contact_rules(referral),
            "screenings": list(answered_screenings(referral)),
        })
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
