import pytest

from .twilio_shapes import ACCOUNT_SID, AUTH_TOKEN, OUR_SMS_NUMBER, OUR_WHATSAPP_NUMBER, SITE_URL, FakeTwilioApi


@pytest.fixture
def twilio_api():
    api = FakeTwilioApi()
    yield api
    api.close()


@pytest.fixture
def twilio(settings, twilio_api):
    """Our Twilio settings, pointed at the fake REST API."""
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
    settings.TWILIO_SMS_FROM = OUR_SMS_NUMBER
    settings.TWILIO_WHATSAPP_FROM = OUR_WHATSAPP_NUMBER
    settings.TWILIO_API_URL = twilio_api.url
    settings.SITE_URL = SITE_URL
    settings.WHATSAPP_TEMPLATES = {"check_in": "HX" + "0" * 30 + "07"}
    return twilio_api
