import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from everydoor.content.text import plain_text_of
from everydoor.readaloud.audio import replace_with_human_recording, request_recording
from everydoor.readaloud.models import Recording
from everydoor.readaloud.tasks import generate_recording

from .helpers import guide, publish_english_edit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def recording_of(page):
    return Recording.objects.filter(language=page.locale.language_code, text=plain_text_of(page)).first()


def test_publishing_a_guide_queues_its_audio_in_every_language_with_a_voice(
    starter_content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for code in ("en", "ar", "ti"):
            guide(code).save_revision().publish()
    assert recording_of(guide("en")).status == Recording.Status.PENDING
    assert recording_of(guide("ar")).status == Recording.Status.PENDING
    assert recording_of(guide("ti")) is None  # espeak-ng has no Tigrinya voice
    queued = DBTaskResult.objects.filter(task_path="everydoor.readaloud.tasks.generate_recording").count()
    assert queued == Recording.objects.count()


def test_a_guide_offers_its_audio_once_made_and_nothing_loads_before_play(starter_content, client):
    page = guide("ar", "urgent-help")
    generate_recording.call(str(request_recording(plain_text_of(page), "ar").pk))
    html = client.get("/ar/guides/urgent-help/").content.decode()
    recording = recording_of(page)
    assert f'<audio controls preload="none" aria-labelledby="listen-label" src="/audio/{recording.pk}.opus">' in html
    assert recording.audio.size > 1000


def test_changed_english_text_gets_new_audio(starter_content):
    publish_english_edit(first_paragraph="<p>A GP is a doctor.</p>")
    before = recording_of(guide("en"))
    publish_english_edit()
    after = recording_of(guide("en"))
    assert after.pk != before.pk
    assert after.status == Recording.Status.PENDING


def test_an_editors_recording_replaces_generated_speech(starter_content, client):
    page = guide("ar", "free-interpreter")
    replace_with_human_recording("ar", plain_text_of(page), SimpleUploadedFile("voice.opus", b"OggS human"))
    html = client.get("/ar/guides/free-interpreter/").content.decode()
    recording = recording_of(page)
    assert recording.source == Recording.Source.HUMAN
    assert f"/audio/{recording.pk}.opus" in html


def test_a_language_without_a_voice_says_so_and_shows_text(starter_content, client):
    from django.utils import translation

    html = client.get("/ti/guides/free-interpreter/").content.decode()
    assert "<audio" not in html
    with translation.override("ti"):
        assert translation.gettext("Listening is not available in this language yet.") in html


def test_each_deployment_asks_for_audio_of_any_page_without_it(starter_content):
    from django.core.management import call_command

    assert not Recording.objects.exists()
    call_command("load_content", "--new-only", verbosity=0)
    assert recording_of(guide("ar", "urgent-help")).status == Recording.Status.PENDING
    assert recording_of(guide("fr", "urgent-help")) is not None
    assert recording_of(guide("ti", "urgent-help")) is None
