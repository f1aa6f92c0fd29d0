"""Questionnaire items can be heard: generated in the background with espeak-ng, compressed to
Opus at 24 kbps, cached per text, replaced by a person's recording, and never downloaded
until the person presses play."""

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from everydoor.readaloud.audio import audio_for, replace_with_human_recording
from everydoor.readaloud.models import Recording
from everydoor.readaloud.speech import MAX_BITRATE_KBPS, synthesise
from everydoor.readaloud.tasks import generate_recording

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def queued():
    return DBTaskResult.objects.filter(task_path="everydoor.readaloud.tasks.generate_recording")


def average_bitrate_kbps(audio, tmp_path):
    path = tmp_path / "clip.opus"
    path.write_bytes(audio)
    info = subprocess.run(["opusinfo", str(path)], capture_output=True, text=True, check=True).stdout
    line = next(line for line in info.splitlines() if "Average bitrate" in line)
    return float(line.split(":")[1].split()[0])


def test_speech_is_ogg_opus_at_no_more_than_24_kbps(tmp_path):
    audio = synthesise("قلة الاهتمام أو قلة المتعة عند القيام بالأشياء", "ar")
    assert audio[:4] == b"OggS" and b"OpusHead" in audio[:100]
    assert average_bitrate_kbps(audio, tmp_path) <= MAX_BITRATE_KBPS


def test_the_first_request_queues_generation_once():
    assert audio_for("Feeling down, depressed, or hopeless", "en") is None
    assert audio_for("Feeling down, depressed, or hopeless", "en") is None
    assert queued().count() == 1


def test_after_generation_the_recording_is_ready_and_cached():
    audio_for("Feeling tired or having little energy", "en")
    recording = Recording.objects.get()
    assert generate_recording.call(str(recording.pk)) == Recording.Status.READY
    assert audio_for("Feeling tired or having little energy", "en") == recording
    assert queued().count() == 1


def test_a_changed_text_gets_new_audio():
    audio_for("Poor appetite or overeating", "en")
    audio_for("Poor appetite, or eating too much", "en")
    assert Recording.objects.count() == 2


def test_a_language_without_a_voice_falls_back_to_text():
    assert audio_for("ሕቶ", "ti") is None
    assert not Recording.objects.exists() and not queued().exists()


def test_a_persons_recording_replaces_generated_speech():
    audio_for("Trouble concentrating on things", "en")
    recording = Recording.objects.get()
    generate_recording.call(str(recording.pk))
    human = replace_with_human_recording(
        "en", "Trouble concentrating on things", SimpleUploadedFile("reading.opus", b"OggS human reading")
    )
    assert human.pk == recording.pk and human.source == Recording.Source.HUMAN
    assert generate_recording.call(str(recording.pk)) == Recording.Status.READY  # never overwritten
    human.refresh_from_db()
    assert human.audio.read() == b"OggS human reading"


def test_the_question_screen_offers_audio_that_loads_only_on_play(client):
    client.get("/ar/check/phq-9/")
    client.post("/ar/check/phq-9/start/")
    assert "<audio" not in client.get("/ar/check/phq-9/1/").content.decode()  # queued, not made yet
    generate_recording.call(str(Recording.objects.get().pk))
    page = client.get("/ar/check/phq-9/1/").content.decode()
    assert 'preload="none"' in page
    source = page.split('<audio', 1)[1].split('src="', 1)[1].split('"', 1)[0]
    response = client.get(source)
    assert response["Content-Type"] == "audio/ogg; codecs=opus"
    assert b"".join(response.streaming_content)[:4] == b"OggS"


@pytest.mark.django_db
def test_translation_status_says_which_languages_have_no_voice(capsys):
    call_command("translation_status")
    output = capsys.readouterr().out
    assert "ti Tigrinya" in output and "no voice: text only" in output.split("ti Tigrinya")[1].splitlines()[0]
    assert "espeak-ng voice ar" in output.split("ar Arabic")[1].splitlines()[0]
