import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from pydantic import ValidationError

from everydoor.screening.instruments import IMPORT_CHECK_SECONDS, shipped_catalogue, validate_questionnaire
from everydoor.screening.models import ImportedQuestionnaire
from everydoor.screening.scoring import SCORING_RULES


class Command(BaseCommand):
    help = (
        "Import a FHIR R4 Questionnaire: a validated translation of a questionnaire we ship "
        "(marked 'validated'), or a questionnaire your service is licensed to use, such as RHS-15, "
        "with the scoring rule it follows (--scoring)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--language", required=True)
        parser.add_argument("--status", choices=[s.value for s in ImportedQuestionnaire.Status], default="validated")
        parser.add_argument("--scoring", help="scoring rule for a questionnaire we do not ship, e.g. rhs15")
        parser.add_argument("--risk-rules", type=Path, help="JSON list of risk rules for it")
        parser.add_argument("--about", default="", help="a short topic label shown in the list")
        parser.add_argument("--source", default="", help="where the questionnaire and its licence come from")

    def handle(self, *args, path, language, status, scoring, risk_rules, about, source, **options):
        document = self._read(path)
        instrument_id = document["id"]
        rules = {}
        if instrument_id not in shipped_catalogue():
            if scoring not in SCORING_RULES:
                raise CommandError(f"Name its scoring rule with --scoring (one of {', '.join(SCORING_RULES)})")
            rules = {"scoring": scoring, "about": about or document.get("title", instrument_id),
                     "risk_rules": json.loads(risk_rules.read_text()) if risk_rules else []}
        ImportedQuestionnaire.objects.update_or_create(
            instrument_id=instrument_id, language=language,
            defaults={"status": status, "document": document, "rules": rules, "source_note": source},
        )
        self.stdout.write(
            f"Imported {instrument_id} ({language}, {status}). "
            f"Running sites show it within {IMPORT_CHECK_SECONDS} seconds."
        )

    def _read(self, path):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            validate_questionnaire(document)
        except (OSError, json.JSONDecodeError, ValidationError) as error:
            raise CommandError(f"{path} is not a valid FHIR Questionnaire: {error}") from error
        if not document.get("id") or not document.get("item"):
            raise CommandError(f"{path} is not a valid FHIR Questionnaire: it needs an id and items")
        return document
