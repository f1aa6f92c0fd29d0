import json

from django.core.management.base import BaseCommand

from everydoor.screening.answering import instrument_for
from everydoor.screening.export import screenings_csv
from everydoor.screening.fhir import questionnaire_response, score_observation
from everydoor.screening.models import Screening


class Command(BaseCommand):
    help = "Export completed screenings as CSV (UTF-8) or as a FHIR R4 collection Bundle (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "fhir"], default="csv")

    def handle(self, *args, format, **options):
        if format == "csv":
            self.stdout.write(screenings_csv(), ending="")
            return
        entries = []
        for screening in Screening.objects.filter(status=Screening.Status.COMPLETED):
            instrument = instrument_for(screening, screening.language)
            entries.append({"resource": questionnaire_response(screening, instrument)})
            entries.append({"resource": score_observation(screening, instrument)})
        bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
        self.stdout.write(json.dumps(bundle, ensure_ascii=False, indent=2))
