"""The journeys, written once for every channel: choose a language, check how you are
(PHQ-4), hear what it means, ask for a call back, and urgent help at any moment.

Each step says what to ask (`prompt`) and what to do with a reply (`receive`), in plain
text and digits, so the same steps run over SMS, WhatsApp and a phone keypad. Replies are
numbers; "0" or "9" (or a crisis word, see keywords.py) leads to urgent help from any step.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.lines import crisis_lines
from everydoor.crisis.models import Escalation
from everydoor.equity.models import JourneyEvent
from everydoor.equity.profiles import fill_in_journey_language, record_journey_step
from everydoor.languages.registry import all_languages, get_language
from everydoor.privacy.consent import give_consent
from everydoor.privacy.models import Consent
from everydoor.screening.answering import first_unanswered, record_answer, start_screening
from everydoor.screening.forms import checked_phone
from everydoor.screening.instruments import TranslationStatus, load_instrument
from everydoor.screening.models import Screening
from everydoor.screening.results import meaning, needs_support

from .models import CallbackRequest, Channel

CHECK_INSTRUMENT = "phq-4"
URGENT_CHOICES = {"0", "9"}


def language_choices():
    """Reply number -> language code. 9 is kept for urgent help, so numbers skip it."""
    numbers = [number for number in range(1, 30) if str(number) not in URGENT_CHOICES]
    return {str(number): language.code for number, language in zip(numbers, all_languages(), strict=False)}


class InLanguage(str):
    """A message in a language other than the conversation's (the language menu)."""

    def __new__(cls, text, language):
        message = super().__new__(cls, text)
        message.language = language
        return message


class Step:
    """One point in a journey. `prompt` returns the messages that ask; `receive` acts on
    a reply and returns the next step's name, or None when the reply is not understood."""

    name = ""
    wants_phone = False  # the reply is a phone number, typed (only ever asked on the web)
    reached = None  # the JourneyEvent.Step a person has reached once this step is shown to them

    def prompt(self, conversation):
        raise NotImplementedError

    def receive(self, conversation, choice):
        raise NotImplementedError

    def choices(self, conversation):
        """The replies this step understands (keys a phone keypad can send)."""
        return set()

    def not_understood(self, conversation):
        """What to say, before asking again, when a reply is not understood."""
        return _("Sorry, that is not one of the choices.")


class ChooseLanguage(Step):
    name = "language"

    def prompt(self, conversation):
        if conversation.is_voice:
            # Each choice is spoken in its own language, so a caller hears theirs.
            spoken = [InLanguage("EveryDoor: free, private help in your language.", "en")]
            for number, code in language_choices().items():
                with translation.override(code):
                    spoken.append(InLanguage(_("For %(language)s, press %(number)s.") % {
                        "language": get_language(code).name_local, "number": number}, code))
            return spoken
        lines = [f"{number} {get_language(code).name_local}" for number, code in language_choices().items()]
        half = (len(lines) + 1) // 2
        # Nobody's language is known yet: the one line of English is short, the choices are
        # each written in their own language.
        return ["EveryDoor: free, private help in your language. " + conversation.choose_words() + "\n"
                + "\n".join(lines[:half]), "\n".join(lines[half:])]

    def choices(self, conversation):
        return set(language_choices())

    def receive(self, conversation, choice):
        code = language_choices().get(choice)
        if code is None:
            return None
        conversation.set_language(code)
        return "menu"


class Menu(Step):
    name = "menu"

    def prompt(self, conversation):
        text = "EveryDoor. " + conversation.choose_words() + "\n" + _(
            "1 Check how you are (4 short questions)\n2 Ask a helper to call you back\n3 Change language\n"
            "0 Urgent help now")
        if conversation.sends_messages:
            text += "\n" + _("Reply STOP to stop messages.")
        return [text]

    def choices(self, conversation):
        return {"1", "2", "3"}

    def receive(self, conversation, choice):
        return {"1": "question", "2": conversation.call_back_step(), "3": "language"}.get(choice)


class Question(Step):
    """PHQ-4, one item at a time, through the screening app: scored and checked for risk
    exactly as on the web."""

    name = "question"

    def prompt(self, conversation):
        instrument = conversation.instrument()
        screening = conversation.screening(create=True)
        number = _next_question(screening, instrument)
        question = instrument.question(number)
        options = "\n".join(f"{position} {option.display}" for position, option in enumerate(question.options, 1))
        heading = _("Question %(number)s of %(count)s.") % {"number": number, "count": len(instrument.questions)}
        stem = instrument.stem if number == 1 else ""
        return [f"{heading} {stem}\n{question.text}\n{conversation.choose_words()}\n{options}".replace(" \n", "\n")]

    def choices(self, conversation):
        instrument = conversation.instrument()
        question = instrument.question(_next_question(conversation.screening(), instrument))
        return {str(position) for position in range(1, len(question.options) + 1)}

    def receive(self, conversation, choice):
        if choice not in self.choices(conversation):
            return None
        instrument = conversation.instrument()
        screening = conversation.screening()
        question = instrument.question(_next_question(screening, instrument))
        outcome = record_answer(screening, instrument, question, question.options[int(choice) - 1].code)
        if outcome.next_number is None:
            conversation.record_step(JourneyEvent.Step.COMPLETED_QUESTIONNAIRE)
        if outcome.risk_rules:
            return "urgent"
        return "question" if outcome.next_number else "result"


class Result(Step):
    name = "result"
    reached = JourneyEvent.Step.SAW_RESULT

    def prompt(self, conversation):
        screening = conversation.screening()
        instrument = conversation.instrument()
        band = screening.result["band"]
        result = [str(meaning(instrument.scoring, band)), _("Score %(total)s out of %(maximum)s.") % screening.result]
        if screening.translation_status == TranslationStatus.UNVALIDATED:
            result.append(_("This translation is not checked yet: take the score as a guide only."))
        choices = [_("Talking to someone can help.")] if needs_support(instrument.scoring, band) else []
        choices += [conversation.choose_words(),
                    _("1 Ask a helper to call you back\n2 How to refer yourself to NHS Talking Therapies\n"
                      "3 Back to the start")]
        if conversation.sends_messages:
            choices.append(_("4 A message in two weeks to see how you are"))
        return ["\n".join(result), "\n".join(choices)]

    def choices(self, conversation):
        return {"1", "2", "3"} | ({"4"} if conversation.sends_messages else set())

    def receive(self, conversation, choice):
        if choice not in self.choices(conversation):
            return None
        return {"1": conversation.call_back_step(), "2": "self_referral", "3": "menu", "4": "check_in_safety"}[choice]


class CheckInSafety(Step):
    """A check-in is sent only to a phone the person says is safe to message."""

    name = "check_in_safety"

    def prompt(self, conversation):
        return [_("Could someone else read messages on this phone? We only send a check-in if it is safe.") + "\n"
                + conversation.choose_words() + "\n"
                + _("1 It is safe to send me a message\n2 It is not safe: do not send")]

    def choices(self, conversation):
        return {"1", "2"}

    def receive(self, conversation, choice):
        if choice not in self.choices(conversation):
            return None
        conversation.want_check_in(safe=choice == "1")
        return "check_in_booked" if choice == "1" else "menu"


class CheckInBooked(Step):
    name = "check_in_booked"

    def prompt(self, conversation):
        return [_("We will send you a short message in two weeks. Reply STOP at any time to stop it.") + "\n"
                + conversation.choose_words() + "\n" + _("3 Back to the start")]

    def choices(self, conversation):
        return {"3"}

    def receive(self, conversation, choice):
        return "menu" if choice == "3" else None


class SelfReferral(Step):
    name = "self_referral"

    def prompt(self, conversation):
        link = f"{settings.SITE_URL.rstrip('/')}/{conversation.language}/refer/"
        return [_("You can refer yourself to NHS Talking Therapies without seeing a GP. "
                  "Fill in the form at %(link)s or ask a helper to do it with you.") % {"link": link}
                + "\n" + conversation.choose_words() + "\n" + _("1 Ask a helper to call you back\n3 Back to the start")]

    def choices(self, conversation):
        return {"1", "3"}

    def receive(self, conversation, choice):
        return {"1": conversation.call_back_step(), "3": "menu"}.get(choice)


class CallBack(Step):
    name = "callback"

    def prompt(self, conversation):
        return [_("A helper who speaks your language can call you on this number. "
                  "If we miss you, may we leave a voice message?") + "\n" + conversation.choose_words() + "\n"
                + _("1 Yes, you can leave a message\n2 No, do not leave a message\n3 I do not want a call")]

    def choices(self, conversation):
        return {"1", "2", "3"}

    def receive(self, conversation, choice):
        if choice == "3":
            return "menu"
        if choice not in ("1", "2"):
            return None
        conversation.ask_for_callback(safe_to_leave_message=choice == "1")
        return "callback_booked"


class PhoneForCallBack(Step):
    """On the web there is no number to call back: ask for one. (On SMS, WhatsApp and a
    call, the number the person wrote or called from is used.)"""

    name = "callback_phone"
    wants_phone = True

    def prompt(self, conversation):
        return [_("What phone number can a helper call you on?") + "\n" + _("3 Back to the start")]

    def choices(self, conversation):
        return {"3"}

    def not_understood(self, conversation):
        return _("This does not look like a phone number. Please check it.")

    def receive(self, conversation, choice):
        if choice == "3":
            return "menu"
        try:
            conversation.contact.address = checked_phone(choice)
        except ValidationError:
            return None
        return self.then(conversation)

    def then(self, conversation):
        return "callback"


class PhoneForUrgentCall(PhoneForCallBack):
    name = "urgent_phone"

    def then(self, conversation):
        conversation.alert_helper()
        return "urgent_alerted"


class CallBackBooked(Step):
    name = "callback_booked"

    def prompt(self, conversation):
        return [_("Thank you. A helper will call you.") + "\n" + conversation.choose_words() + "\n"
                + _("0 Urgent help now\n3 Back to the start")]

    def choices(self, conversation):
        return {"3"}

    def receive(self, conversation, choice):
        return "menu" if choice == "3" else None


class Urgent(Step):
    """Urgent help, from any step: the crisis lines in the person's language (crisis app's
    one data file), and the offer of a helper's call, which alerts helpers at once."""

    name = "urgent"
    reached = JourneyEvent.Step.REACHED_CRISIS_HELP

    def prompt(self, conversation):
        lines = [_("In danger, or might act on thoughts of ending your life? Get help now:")]
        for line in crisis_lines(conversation.language or "en"):
            option = _(" (then option %(option)s)") % {"option": line.menu_option} if line.menu_option else ""
            lines.append(f"- {line.text['name']}{option}")
        choices = [conversation.choose_words(),
                   _("1 Ask a helper to call you as soon as possible\n3 Back to the start")]
        return ["\n".join(lines), "\n".join(choices)]

    def choices(self, conversation):
        return {"1", "3"}

    def receive(self, conversation, choice):
        if choice == "1":
            if conversation.phone_needed:
                return "urgent_phone"
            conversation.alert_helper()
            return "urgent_alerted"
        return "menu" if choice == "3" else None


class UrgentAlerted(Step):
    name = "urgent_alerted"

    def prompt(self, conversation):
        return [_("A helper has been told and will call you as soon as they can. If you are in danger, "
                  "call 999 now.") + "\n" + conversation.choose_words() + "\n" + _("3 Back to the start")]

    def choices(self, conversation):
        return {"3"}

    def receive(self, conversation, choice):
        return "menu" if choice == "3" else None


JOURNEY = {step.name: step for step in [ChooseLanguage(), Menu(), Question(), Result(), SelfReferral(),
                                        PhoneForCallBack(), CallBack(), CallBackBooked(), CheckInSafety(),
                                        CheckInBooked(), Urgent(), PhoneForUrgentCall(), UrgentAlerted()]}


class Conversation:
    """A contact's journey, and what steps may do for it (all in the database)."""

    def __init__(self, contact):
        self.contact = contact

    @property
    def language(self):
        return self.contact.language

    @property
    def is_voice(self):
        return self.contact.channel == Channel.VOICE

    @property
    def sends_messages(self):
        """Whether we can message this person later (opt out, check-ins): SMS and WhatsApp."""
        return self.contact.channel in (Channel.SMS, Channel.WHATSAPP)

    @property
    def phone_needed(self):
        """A helper's call needs a number; on the web, the person has not given one yet."""
        return not self.contact.address

    def call_back_step(self):
        return "callback_phone" if self.phone_needed else "callback"

    def choose_words(self):
        """How to answer: reply in a message, press a key on a call, or choose on a web page."""
        if self.is_voice:
            return _("Press a number:")
        return _("Choose one:") if self.contact.channel == Channel.WEB else _("Reply with a number:")

    def set_language(self, code):
        """The person chose their language: a step of their journey, and the language of the
        steps they took before it (their first message or call), unknown until now."""
        self.contact.language = code
        self.record_step(JourneyEvent.Step.CHOSE_LANGUAGE)
        fill_in_journey_language(self.journey(), code)

    def journey(self):
        """This conversation's random journey id, made on first use and kept in its state:
        never the contact's id or number, so its steps lead back to no phone."""
        if "journey" not in self.contact.state:
            self.contact.state["journey"] = str(uuid.uuid4())
        return uuid.UUID(self.contact.state["journey"])

    def record_step(self, step):
        """Note that this conversation reached `step` (a JourneyEvent.Step). Before a language
        is chosen, the language is not known: it is left empty."""
        record_journey_step(self.journey(), step, self.contact.channel, self.language or "")

    def instrument(self):
        return load_instrument(CHECK_INSTRUMENT, self.language or "en")

    def screening(self, create=False):
        screening_id = self.contact.state.get("screening")
        screening = Screening.objects.filter(pk=screening_id, status=Screening.Status.IN_PROGRESS).first() \
            if screening_id else None
        if screening is None and create:
            screening = start_screening(self.instrument(), channel=self.contact.channel)
            self.contact.state["screening"] = str(screening.pk)
            self.record_step(JourneyEvent.Step.STARTED_QUESTIONNAIRE)
        elif screening is None and screening_id:
            screening = Screening.objects.filter(pk=screening_id).first()
        return screening

    def ask_for_callback(self, safe_to_leave_message):
        screening = self.screening()
        CallbackRequest.objects.create(
            contact=self.contact, channel=self.contact.channel, language=self.language or "en",
            phone=self.contact.address, safe_to_leave_message=safe_to_leave_message,
            screening=screening,
        )
        # Asking for the call is the yes; kept under the questionnaire's code when there is one.
        if screening is not None:
            give_consent(screening.continue_code, Consent.Purpose.CONTACT, self.contact.channel, self.language)
        self.record_step(JourneyEvent.Step.ASKED_FOR_CALLBACK)

    def want_check_in(self, safe):
        from .check_ins import schedule_check_in

        self.contact.safe_to_message = safe
        self.contact.reminders_wanted = safe
        if safe:
            schedule_check_in(self.contact)

    def alert_helper(self):
        screening = self.screening()
        reasons = screening.risk_reasons if screening else []
        escalate_risk(source=Escalation.Source.CONVERSATION, reasons=reasons or ["asked for urgent help"],
                      language=self.language or "en", phone=self.contact.address, consent=True,
                      screening=screening)


def _next_question(screening, instrument):
    """The question to ask: the first unanswered one (the last, once all are answered)."""
    return first_unanswered(screening, instrument) or len(instrument.questions)


def start_over(contact, step_name):
    """Back to `step_name`, with nothing half-done (a new call, a check-in). The journey id
    is kept: it is still this person's journey."""
    journey = contact.state.get("journey")
    contact.state = {"step": step_name, **({"journey": journey} if journey else {})}


def prompt_in_language(step_name, conversation):
    with translation.override(conversation.language or "en"):
        return JOURNEY[step_name].prompt(conversation)
