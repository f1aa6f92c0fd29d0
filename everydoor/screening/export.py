"""CSV export of completed screenings for services. UTF-8 with a byte-order mark, so that
spreadsheet programs show Arabic, Tigrinya and every other script correctly."""

import csv
import io

from .answering import instrument_for
from .models import Screening

COLUMNS = [
    "screening_id", "questionnaire", "language", "translation_status", "channel", "completed_at",
    "total", "maximum", "band", "risk", "answers",
]


def screenings_csv(screenings=None):
    screenings = screenings if screenings is not None else Screening.objects.filter(
        status=Screening.Status.COMPLETED
    ).order_by("completed_at")
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output)
    writer.writerow(COLUMNS)
    for screening in screenings:
        writer.writerow(_row(screening))
    return output.getvalue()


def _row(screening):
    instrument = instrument_for(screening, screening.language)
    answers = "; ".join(
        f"{question.number}: {question.option(screening.answers[question.link_id]).display}"
        for question in instrument.questions if question.link_id in screening.answers
    )
    return [
        screening.id, screening.instrument_id, screening.language, screening.translation_status,
        screening.channel, screening.completed_at.isoformat(), screening.result["total"],
        screening.result["maximum"], screening.result["band"], " | ".join(screening.risk_reasons), answers,
    ]
