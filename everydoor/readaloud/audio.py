"""What pages call: the recording for a text, if it is ready; otherwise ask for one."""

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Recording
from .speech import NoVoice, text_hash, voice_for


def has_voice(language_code):
    try:
        voice_for(language_code)
    except NoVoice:
        return False
    return True


def audio_for(text, language_code):
    """The ready Recording for `text`, or None. The first request for a text queues its
    generation in the background; the page shows text alone until the audio exists."""
    recording = request_recording(text, language_code)
    return recording if recording and recording.status == Recording.Status.READY else None


def request_recording(text, language_code):
    """Make sure a recording of `text` exists or is being made; None if there is no voice.
    Content pages call this when they are published, so reading them writes nothing."""
    if not has_voice(language_code):
        return None
    recording, created = Recording.objects.get_or_create(
        language=language_code, text_hash=text_hash(text), defaults={"text": text}
    )
    if created:
        from .tasks import generate_recording

        transaction.on_commit(lambda: generate_recording.enqueue(str(recording.pk)))
    return recording


def ready_recording(text, language_code):
    """The finished recording of `text`, or None; never writes."""
    return Recording.objects.filter(
        language=language_code, text_hash=text_hash(text), status=Recording.Status.READY
    ).first()


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
