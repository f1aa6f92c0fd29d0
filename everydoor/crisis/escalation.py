from everydoor.privacy.consent import give_consent
from everydoor.privacy.models import Consent

from .models import Escalation


def escalate_risk(*, source, reasons, language, phone, consent, safe_to_leave_message=False, screening=None):
    """Ask helpers to contact someone at risk. Only with their contact details and their consent."""
    if not (phone and consent):
        raise ValueError("An escalation needs a phone number and the person's consent")
    escalation = Escalation.objects.create(
        source=source,
        reasons=list(reasons),
        language=language,
        screening=screening,
        contact_phone=phone,
        contact_consent=True,
        safe_to_leave_message=safe_to_leave_message,
    )
    # Kept under the questionnaire's code, where the person can see and withdraw it. (Asked
    # for without a questionnaire, there is no code: the escalation itself records the yes.)
    if screening is not None:
        give_consent(screening.continue_code, Consent.Purpose.CONTACT, screening.channel, language)
    return escalation
