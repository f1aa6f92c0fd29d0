from django.core.management.base import BaseCommand

from everydoor.languages.catalogues import tidy_catalogue, translated_languages


class Command(BaseCommand):
    help = "After makemessages: drop fuzzy guesses and mark unreviewed translations as drafts."
    # It repairs what the placeholder checks complain about (msgmerge's fuzzy guesses), so
    # those checks must not stop it from running.
    requires_system_checks = []

    def handle(self, *args, **options):
        for language in translated_languages():
            cleared, marked = tidy_catalogue(language.code)
            if cleared or marked:
                self.stdout.write(f"{language.code}: {cleared} fuzzy guesses cleared, {marked} marked draft")
