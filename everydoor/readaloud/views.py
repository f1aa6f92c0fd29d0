from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe

from .models import Recording
from .speech import telephone_wav


@require_safe
def recording_audio(request, recording_id):
    recording = Recording.objects.filter(pk=recording_id, status=Recording.Status.READY).first()
    if recording is None:
        raise Http404("No such recording")
    response = FileResponse(recording.audio.open("rb"), content_type="audio/ogg; codecs=opus")
    # A recording's address changes when its text does, so a phone may keep it.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_safe
def telephone_audio(request, recording_id):
    """The same recording for a phone call: decoded from Opus on request (a few
    milliseconds); the telephone provider caches it."""
    recording = Recording.objects.filter(pk=recording_id, status=Recording.Status.READY).first()
    if recording is None:
        raise Http404("No such recording")
    with recording.audio.open("rb") as audio:
        response = HttpResponse(telephone_wav(audio.read()), content_type="audio/wav")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
