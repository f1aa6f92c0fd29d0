from django.core.management.base import BaseCommand

from ...voice_audio import request_voice_audio


class Command(BaseCommand):
    help = ("Ask for a recording of every line the phone menus speak, in every language with a voice, so "
            "callers hear recordings from the first call. The task worker makes them.")

    def handle(self, *args, **options):
        self.stdout.write(f"{request_voice_audio()} voice lines have or are getting a recording")
