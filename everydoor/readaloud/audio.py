"""What pages call: the recording for a text, if it is ready; otherwise ask for one."""

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Recording
from .speech import NoVoice, text_hash, voice_for


def audio_for(text, language_code):
    """The ready Recording for `text`, or None. The first request for a text queues its
    generation in the background; the page shows text alone until the audio exists."""
    try:
        voice_for(language_code)
    except NoVoice:
        return None
    recording, created = Recording.objects.get_or_create(
        language=language_code, text_hash=text_hash(text), defaults={"text": text}
    )
    if created:
        from .tasks import generate_recording

        transaction.on_commit(lambda: generate_recording.enqueue(str(recording.pk)))
    return recording if recording.status == Recording.Status.READY else None


def replace_with_human_recording(language_code, text, audio_file):
    """An editor's recording of a person reading the text replaces generated speech for good."""
    recording, _created = Recording.objects.get_or_create(
        language=language_code, text_hash=text_hash(text), defaults={"text": text}
    )
    recording.audio.save(f"{recording.pk}-human.opus", ContentFile(audio_file.read()), save=False)
    recording.source = Recording.Source.HUMAN
    recording.status = Recording.Status.READY
    recording.save()
    return recording
