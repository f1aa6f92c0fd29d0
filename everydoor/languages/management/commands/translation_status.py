from django.core.management.base import BaseCommand

from everydoor.languages.catalogues import catalogue_status
from everydoor.languages.registry import all_languages


class Command(BaseCommand):
    help = ("Print, per language, the share of interface strings translated and the share reviewed, "
            "and whether read-aloud audio can be generated.")

    def handle(self, *args, **options):
        self.stdout.write(f"{'language':<30} {'strings':>7} {'translated':>10} {'reviewed':>9}  read-aloud")
        for language in all_languages():
            status = catalogue_status(language.code)
            label = f"{language.code} {language.name}"
            translated, reviewed = status.translated_share, status.reviewed_share
            audio = f"espeak-ng voice {language.espeak}" if language.espeak else "no voice: text only"
            self.stdout.write(f"{label:<30} {status.total:>7} {translated:>10.0%} {reviewed:>9.0%}  {audio}")
