import subprocess

from django.core.files.base import ContentFile
from django_tasks import task

from .models import Recording
from .speech import NoVoice, synthesise


# Speech takes seconds per page and nobody waits on it: referrals and escalations go first.
@task(priority=-10)
def generate_recording(recording_id):
    """Speak a recording's text; a human recording already in place is never overwritten."""
    recording = Recording.objects.get(pk=recording_id)
    if recording.status == Recording.Status.READY:
        return recording.status
    try:
        audio = synthesise(recording.text, recording.language)
    except (NoVoice, subprocess.SubprocessError, OSError):
        recording.status = Recording.Status.FAILED
    else:
        recording.audio.save(f"{recording.pk}.opus", ContentFile(audio), save=False)
        recording.status = Recording.Status.READY
    recording.save()
    return recording.status
