from django.core.management.base import BaseCommand

from everydoor.content.status import content_status
from everydoor.languages.catalogues import catalogue_status
from everydoor.languages.registry import all_languages


class Command(BaseCommand):
    help = ("Print, per language, the share of interface strings translated and reviewed; the guides and "
            "self-help sessions translated, community-reviewed and out of date; and read-aloud coverage.")

    def handle(self, *args, **options):
        self.stdout.write(
            f"{'language':<26} {'strings':>7} {'translated':>10} {'reviewed':>8}  "
            f"{'pages':>5} {'translated':>10} {'reviewed':>8} {'outdated':>8}  {'audio':>5}  read-aloud"
        )
        for language in all_languages():
            strings = catalogue_status(language.code)
            content = content_status(language.code)
            label = f"{language.code} {language.name}"
            voice = f"espeak-ng voice {language.espeak}" if language.espeak else "no voice: text only"
            self.stdout.write(
                f"{label:<26} {strings.total:>7} {strings.translated_share:>10.0%} {strings.reviewed_share:>8.0%}  "
                f"{content.pages:>5} {content.translated:>10} {content.reviewed:>8} {content.out_of_date:>8}  "
                f"{content.with_audio:>5}  {voice}"
            )
