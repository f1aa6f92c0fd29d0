"""One person's data, made through the same domain functions the site uses: a questionnaire
in Arabic that signalled risk, the urgent call and the call back it led to, a referral with
the questionnaire attached, the guided self-help course with a mood check, and the helpers'
cases and notes on all of them."""

import uuid

from everydoor.conversations.journeys import Conversation
from everydoor.conversations.models import Channel, Contact, InboundMessage, address_key
from everydoor.course.models import MoodCheck, SessionDone
from everydoor.course.progress import enrol, record_check_in
from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.models import Escalation
from everydoor.helpers.cases import add_note
from everydoor.helpers.models import AssistedEntry, Case
from everydoor.referrals.tests.helpers import create_referral, create_service
from everydoor.screening.answering import submit_all_answers
from everydoor.screening.instruments import load_instrument

SCREENING_PHONE = "07700 900501"
CALLBACK_PHONE = "07700 900502"
REFERRAL_PHONE = "07700 900503"
COURSE_PHONE = "07700 900504"
NOTE = "Spoke in Arabic; she would like a call on Tuesday mornings."


def finished_screening(language="ar", instrument_id="phq-9", option=1):
    instrument = load_instrument(instrument_id, language)
    answers = {question.link_id: question.options[option].code for question in instrument.scored_questions}
    return submit_all_answers(instrument, answers, submission_key=uuid.uuid4())


def urgent_call(screening, phone=SCREENING_PHONE):
    return escalate_risk(source=Escalation.Source.RISK_ANSWER, reasons=["item 9"], language=screening.language,
                         phone=phone, consent=True, screening=screening)


def call_back(screening, phone=CALLBACK_PHONE):
    """Asked for in the web chat while answering the questionnaire there."""
    contact = Contact.objects.create(channel=Channel.WEB, provider="web", language="ar", address=phone,
                                     address_key=address_key(Channel.WEB, str(uuid.uuid4())),
                                     state={"step": "callback", "screening": str(screening.pk)})
    InboundMessage.objects.create(provider="web", provider_message_id=str(uuid.uuid4()), channel=Channel.WEB,
                                  address_key=contact.address_key, contact=contact, body="2")
    Conversation(contact).ask_for_callback(safe_to_leave_message=False)
    return contact.callback_requests.get()


def on_course(language="ar", phone=COURSE_PHONE, helper=None):
    enrolment = enrol(language=language, channel="web", check_in_by="sms", phone=phone, safe_to_leave_message=False,
                      safe_times="Mornings")
    SessionDone.objects.create(enrolment=enrolment, number=1)
    MoodCheck.objects.create(enrolment=enrolment, point=MoodCheck.Point.START, score=9,
                             screening=finished_screening(language))
    if helper is not None:
        record_check_in(enrolment, helper, "sms", True, "Doing the breathing exercise daily.")
    return enrolment


def person_with_everything(helper):
    """Everything one person might leave with us, all linked to the questionnaire's code."""
    create_service()
    screening = finished_screening()
    escalation = urgent_call(screening)
    callback = call_back(screening)
    referral = create_referral(screenings=[screening], postcode="M1 1AA", phone=REFERRAL_PHONE)  # to the community
    add_note(Case.objects.get(escalation=escalation), helper, NOTE)
    AssistedEntry.objects.create(helper=helper, mode=AssistedEntry.Mode.ASSISTED, screening=screening)
    course = on_course(helper=helper)
    # The course's mood check is a questionnaire too: linking it to the referral brings the course in.
    referral.screenings.add(course.mood_checks.get().screening)
    return {"screening": screening, "escalation": escalation, "callback": callback, "referral": referral,
            "course": course}
