"""Generated speech: espeak-ng speaks the text, opusenc compresses it to Ogg Opus of at most
24 kbps, small enough for a slow connection (a 20-second question is about 55 KB)."""

import hashlib
import io
import subprocess
import wave

from everydoor.languages.registry import get_language

MAX_BITRATE_KBPS = 24
# opusenc's bitrate is a variable-rate target: speech averages a few kbps above it.
OPUS_TARGET_KBPS = 20


class NoVoice(Exception):
    """espeak-ng has no voice for this language: the person reads the text instead."""


def text_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


def voice_for(language_code):
    voice = get_language(language_code).espeak
    if not voice:
        raise NoVoice(language_code)
    return voice


def synthesise(text, language_code):
    """Return Ogg Opus bytes of `text` spoken in the language's espeak-ng voice."""
    wav = subprocess.run(
        ["espeak-ng", "-v", voice_for(language_code), "-s", "150", "--stdout"],
        input=text.encode(), capture_output=True, check=True, timeout=120,
    ).stdout
    return subprocess.run(
        ["opusenc", "--quiet", "--bitrate", str(OPUS_TARGET_KBPS), "--speech", "-", "-"],
        input=wav, capture_output=True, check=True, timeout=120,
    ).stdout


TELEPHONE_RATE = 8000  # a phone line carries nothing above 4 kHz


def telephone_wav(opus_bytes):
    """The recording as 8 kHz 16-bit mono WAV, a format every telephone provider plays
    (Twilio's <Play> takes WAV or MP3, not Opus)."""
    pcm = subprocess.run(
        ["opusdec", "--quiet", "--rate", str(TELEPHONE_RATE), "-", "-"],
        input=opus_bytes, capture_output=True, check=True, timeout=60,
    ).stdout
    output = io.BytesIO()
    with wave.open(output, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(TELEPHONE_RATE)
        wav.writeframes(pcm)
    return output.getvalue()
