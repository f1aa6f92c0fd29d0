from pathlib import Path

from django.core.management.base import BaseCommand

from everydoor.languages.registry import all_languages

from ...publishing import request_all_content_audio
from ...starter import ensure_locales, export_starter_po, load_english, load_starter_content


class Command(BaseCommand):
    help = ("Publish the starter guides in English and their draft translations (data/starter/*.po), "
            "and ask for read-aloud audio of any page without it. Unchanged pages are left alone, "
            "so it is safe to run on every deployment.")

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", dest="languages", help="Only this language (repeatable).")
        parser.add_argument("--new-only", action="store_true",
                            help="Only add starter pages that are missing; never change what editors changed.")
        parser.add_argument("--export-po", type=Path, metavar="DIR",
                            help="Instead, write each language's .po (strings to translate) into DIR.")

    def handle(self, *args, languages=None, export_po=None, new_only=False, **options):
        if export_po:
            return self._export(export_po, languages)
        published = load_starter_content(languages, update_existing=not new_only)
        request_all_content_audio()
        for code, count in published.items():
            if options["verbosity"]:
                self.stdout.write(f"{code}: {count} page(s) published")

    def _export(self, folder, languages):
        ensure_locales()
        pages = load_english()
        folder.mkdir(parents=True, exist_ok=True)
        for code in languages or [language.code for language in all_languages() if language.code != "en"]:
            export_starter_po(code, pages).save(str(folder / f"{code}.po"))
            self.stdout.write(f"wrote {folder / f'{code}.po'}")
