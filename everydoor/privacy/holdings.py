"""What we hold about one person, found by any of their continue-codes: a questionnaire's,
a referral's or the guided self-help course's. A code brings in everything linked to it
(a referral's attached questionnaires, the course's mood checks, a call-back or an urgent
call asked for from a questionnaire, the helpers' cases and notes), and what those link to
in turn. Anonymous counts (journey events, equity markers, lessons done) link to no code and
are not part of it.

Three things are done with it: describe it to the person in plain words (and in the JSON and
PDF downloads), and erase it all."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from everydoor.conversations.models import CallbackRequest, Contact
from everydoor.course.forms import JoinForm
from everydoor.course.models import Enrolment, MoodCheck
from everydoor.crisis.models import Escalation
from everydoor.helpers.models import Case, CaseNote
from everydoor.languages.registry import get_language
from everydoor.referrals import forms as referral_forms
from everydoor.referrals.models import Referral
from everydoor.referrals.outcomes import STATUS_FOR_PERSON
from everydoor.screening.instruments import UnknownInstrument, load_instrument
from everydoor.screening.models import Screening, normalise_continue_code
from everydoor.screening.results import meaning

from .audit import SUBJECT_REQUEST, record_access
from .models import Consent


@dataclass
class Holdings:
    """Everything held under one person's codes. Top-level records are the ones a person
    made (and the audit log names when they are erased); the rest hang from them."""

    screenings: list = field(default_factory=list)
    referrals: list = field(default_factory=list)
    enrolments: list = field(default_factory=list)
    escalations: list = field(default_factory=list)
    callbacks: list = field(default_factory=list)
    conversations: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    consents: list = field(default_factory=list)

    @property
    def codes(self):
        return sorted({s.continue_code for s in self.screenings} | {r.code for r in self.referrals}
                      | {e.continue_code for e in self.enrolments})

    def top_level(self):
        return [*self.screenings, *self.referrals, *self.enrolments, *self.escalations, *self.callbacks,
                *self.conversations]

    def record_ids(self):
        """Object ids only ("referrals.referral:<uuid>"): what a log may say about them."""
        return [f"{record._meta.label_lower}:{record.pk}" for record in self.top_level()]

    def language(self):
        """The language the person last used with us, for a printout made on their behalf."""
        dated = [(s.created_at, s.language) for s in self.screenings] + [
            (r.created_at, r.language) for r in self.referrals] + [(e.started_at, e.language) for e in self.enrolments]
        return max(dated)[1] if dated else "en"


def find_holdings(typed_code):
    """Everything linked to this code, or None when nothing is held under it (or it is not
    a code at all): the caller says no more than "no data found"."""
    code = normalise_continue_code(typed_code or "")
    if code is None:
        return None
    screening_ids = set(Screening.objects.filter(continue_code=code).values_list("pk", flat=True))
    referral_ids = set(Referral.objects.filter(code=code).values_list("pk", flat=True))
    enrolment_ids = set(Enrolment.objects.filter(continue_code=code).values_list("pk", flat=True))
    if not (screening_ids or referral_ids or enrolment_ids):
        return None
    return _gather(*_linked(screening_ids, referral_ids, enrolment_ids))


def _linked(screening_ids, referral_ids, enrolment_ids):
    """Follow the links until nothing new turns up: a referral's questionnaires, the other
    referrals those were attached to, the course a mood check belongs to, and so on."""
    attached = Referral.screenings.through.objects
    while True:
        found = (len(screening_ids), len(referral_ids), len(enrolment_ids))
        screening_ids |= set(attached.filter(referral_id__in=referral_ids).values_list("screening_id", flat=True))
        screening_ids |= set(MoodCheck.objects.filter(enrolment_id__in=enrolment_ids, screening__isnull=False)
                             .values_list("screening_id", flat=True))
        referral_ids |= set(attached.filter(screening_id__in=screening_ids).values_list("referral_id", flat=True))
        enrolment_ids |= set(MoodCheck.objects.filter(screening_id__in=screening_ids)
                             .values_list("enrolment_id", flat=True))
        if found == (len(screening_ids), len(referral_ids), len(enrolment_ids)):
            return screening_ids, referral_ids, enrolment_ids


def _gather(screening_ids, referral_ids, enrolment_ids):
    holdings = Holdings(
        screenings=list(Screening.objects.filter(pk__in=screening_ids).order_by("created_at")),
        referrals=list(Referral.objects.filter(pk__in=referral_ids).select_related("service").order_by("created_at")),
        enrolments=list(Enrolment.objects.filter(pk__in=enrolment_ids).order_by("started_at")),
        escalations=list(Escalation.objects.filter(screening_id__in=screening_ids).order_by("created_at")),
        callbacks=list(CallbackRequest.objects.filter(screening_id__in=screening_ids).order_by("created_at")),
    )
    # A conversation (SMS, WhatsApp, phone or the web chat) is theirs if it asked for one of
    # their call-backs or is answering one of their questionnaires.
    holdings.conversations = list(Contact.objects.filter(
        Q(callback_requests__in=holdings.callbacks) | Q(state__screening__in=[str(pk) for pk in screening_ids])
    ).distinct())
    holdings.cases = list(Case.objects.filter(
        Q(escalation__in=holdings.escalations) | Q(callback__in=holdings.callbacks)
        | Q(referral_id__in=referral_ids) | Q(enrolment_id__in=enrolment_ids)).order_by("raised_at"))
    holdings.consents = list(Consent.objects.filter(holder__in=holdings.codes))
    return holdings


def erase_holdings(holdings, by):
    """Erase everything held, in one transaction. The audit log gets one entry per top-level
    record (its id only) saying who erased it: the person themself (anonymous) or a member
    of staff. Cases, notes, mood checks, sessions, check-ins, assisted-entry records and
    messages go with the record they hang from."""
    with transaction.atomic():
        for record in holdings.top_level():
            record_access(by, "erased", record, SUBJECT_REQUEST)
        Consent.objects.filter(holder__in=holdings.codes).delete()
        # Escalations and call-backs only point at a questionnaire (which would leave them
        # behind), so they go first, each taking its case and notes with it.
        for kind in ("escalations", "callbacks", "conversations", "referrals", "enrolments", "screenings"):
            records = getattr(holdings, kind)
            if records:
                type(records[0]).objects.filter(pk__in=[record.pk for record in records]).delete()


# Describing ------------------------------------------------------------------------------


LEFT_TO_RIGHT = {"code", "phone", "email", "postcode", "date_of_birth"}


@dataclass(frozen=True)
class Fact:
    """One thing we hold: its name in the JSON download, what the page calls it (in the
    person's language) and its value. A value in the words the person answered in carries
    that language, so the page can mark it."""

    key: str
    label: str
    value: object
    language: str = ""

    @property
    def rows(self):
        """For a list (answers, notes): each item as its own list of facts."""
        return self.value if isinstance(self.value, list) else None

    @property
    def is_moment(self):
        return isinstance(self.value, datetime)

    @property
    def is_day(self):
        return isinstance(self.value, date) and not isinstance(self.value, datetime)

    @property
    def is_yes_no(self):
        return isinstance(self.value, bool)

    @property
    def is_left_to_right(self):
        """Numbers and codes read left to right on a right-to-left page too."""
        return self.key in LEFT_TO_RIGHT

    @property
    def direction(self):
        return _language(self.language).direction if _language(self.language) else ""


@dataclass(frozen=True)
class Section:
    kind: str  # the JSON download's list it belongs to: "questionnaires", "referrals" …
    title: str
    facts: list


def describe(holdings):
    """Plain-language sections, in the active language: what, when, in what language, the
    answers and scores, the contact details, and what helpers wrote."""
    sections = [_screening_section(screening) for screening in holdings.screenings]
    sections += [_referral_section(referral) for referral in holdings.referrals]
    sections += [_course_section(enrolment) for enrolment in holdings.enrolments]
    sections += [_escalation_section(escalation) for escalation in holdings.escalations]
    sections += [_callback_section(callback) for callback in holdings.callbacks]
    sections += [_conversation_section(contact) for contact in holdings.conversations]
    sections += [_case_section(case) for case in holdings.cases if case.notes.exists()]
    return sections


def held_facts(*facts):
    """Leave out what we do not hold (an empty field is not information)."""
    return [fact for fact in facts if fact.value not in (None, "", [])]


def _language(code):
    try:
        return get_language(code)
    except KeyError:
        return None


def _language_name(code):
    language = _language(code)
    return language.name_local if language else code


# How a person reached us, as the page says it.
CHANNELS = {
    "web": gettext_lazy("On the website"), "sms": gettext_lazy("By SMS"), "whatsapp": gettext_lazy("By WhatsApp"),
    "voice": gettext_lazy("By phone call"), "assisted": gettext_lazy("With a helper beside you"),
    "paper": gettext_lazy("On a paper form"), "conversation": gettext_lazy("By message or phone call"),
}


def _channel(code):
    return str(CHANNELS.get(code, code))


def _screening_section(screening):
    try:
        instrument = load_instrument(screening.instrument_id, screening.language)
    except UnknownInstrument:
        instrument = None
    title = instrument.title if instrument else screening.instrument_id
    result = screening.result or {}
    return Section("questionnaires", _("Questionnaire: %(title)s") % {"title": title}, held_facts(
        Fact("code", _("Code"), screening.continue_code),
        Fact("started_at", _("Started"), screening.created_at),
        Fact("completed_at", _("Finished"), screening.completed_at),
        Fact("language", _("Language"), _language_name(screening.language)),
        Fact("channel", _("How you answered"), _channel(screening.channel)),
        Fact("answers", _("Your answers"), _answers(screening, instrument)),
        Fact("score", _("Score"), _("%(total)s out of %(maximum)s") % result if "total" in result else None),
        Fact("meaning", _("What the score means"), _meaning(instrument, result.get("band"))),
        Fact("crisis_help_shown", _("An answer meant we showed you crisis help"),
             True if screening.risk_reasons else None),
    ))


def _answers(screening, instrument):
    if instrument is None:  # a questionnaire no longer offered: the stored codes, as they are
        return [[Fact("question", _("Question"), link_id), Fact("answer", _("Answer"), code)]
                for link_id, code in screening.answers.items()]
    rows = []
    for question in instrument.questions:
        option = question.option(screening.answers.get(question.link_id))
        if option is not None:
            rows.append([Fact("question", _("Question"), question.text, screening.language),
                         Fact("answer", _("Answer"), option.display, screening.language)])
    return rows


def _meaning(instrument, band):
    if instrument is None or not band:
        return None
    try:
        return str(meaning(instrument.scoring, band))
    except KeyError:
        return band


def _asked(form, name, value):
    """A referral answer under the question the person was asked, with the choice's words."""
    form_field = form.base_fields[name]
    choices = dict(getattr(form_field, "choices", []))
    if isinstance(value, list):
        value = ", ".join(str(choices.get(item, item)) for item in value)
    elif not isinstance(value, bool):
        value = str(choices.get(value, value))
    return Fact(name, str(form_field.label), value)


def _referral_status(referral):
    if referral.status == Referral.Status.DRAFT:
        return _("Not sent: you did not finish the form.")
    if referral.status == Referral.Status.WITHDRAWN:
        return _("You withdrew this request.")
    return str(STATUS_FOR_PERSON.get(referral.status, referral.get_status_display()))


def _referral_section(referral):
    if referral.service is not None:
        title = _("Your request to %(service)s") % {"service": referral.service.name}
    else:
        title = _("Your request for help")
    spoken = referral.other_language if referral.preferred_language == "other" else _language_name(
        referral.preferred_language)
    return Section("referrals", title, held_facts(
        Fact("code", _("Code"), referral.code),
        Fact("status", _("What happened"), _referral_status(referral)),
        Fact("started_at", _("Started"), referral.created_at),
        Fact("sent_at", _("Sent"), referral.submitted_at),
        Fact("language", _("Language of the form"), _language_name(referral.language)),
        Fact("name", _("Name"), referral.name),
        Fact("date_of_birth", _("Date of birth"), referral.date_of_birth),
        _asked(referral_forms.ContactForm, "phone", referral.phone),
        _asked(referral_forms.ContactForm, "email", referral.email),
        _asked(referral_forms.ContactForm, "contact_by", referral.contact_by),
        _asked(referral_forms.SafeContactForm, "may_leave_voicemail", referral.may_leave_voicemail),
        _asked(referral_forms.SafeContactForm, "may_text", referral.may_text),
        _asked(referral_forms.SafeContactForm, "safe_times", referral.safe_times),
        _asked(referral_forms.SafeContactForm, "do_not_speak_to", referral.do_not_speak_to),
        _asked(referral_forms.DoctorForm, "has_gp", referral.has_gp),
        _asked(referral_forms.DoctorForm, "gp_practice", referral.gp_practice),
        _asked(referral_forms.DoctorForm, "postcode", referral.postcode),
        Fact("preferred_language", str(referral_forms.LanguageForm.base_fields["preferred_language"].label), spoken),
        _asked(referral_forms.LanguageForm, "dialect", referral.dialect),
        _asked(referral_forms.LanguageForm, "interpreter_needed", referral.interpreter_needed),
        _asked(referral_forms.LanguageForm, "interpreter_gender", referral.interpreter_gender),
        _asked(referral_forms.LanguageForm, "clinician_gender", referral.clinician_gender),
        Fact("decline_reason", _("Why the service could not take your request"), referral.decline_reason),
        Fact("first_contact_at", _("When the service first spoke to you"), referral.first_contact_at),
        Fact("first_contact_note", _("What the service noted"), referral.first_contact_note),
    ))


def _course_section(enrolment):
    return Section("courses", _("The guided self-help course"), held_facts(
        Fact("code", _("Code"), enrolment.continue_code),
        Fact("started_at", _("Joined"), enrolment.started_at),
        Fact("finished_at", _("Finished"), enrolment.finished_at),
        Fact("language", _("Language"), _language_name(enrolment.language)),
        Fact("channel", _("How you joined"), _channel(enrolment.channel)),
        _asked(JoinForm, "check_in_by", enrolment.check_in_by),
        _asked(JoinForm, "phone", enrolment.contact_phone),
        _asked(JoinForm, "safe_times", enrolment.safe_times),
        _asked(JoinForm, "safe_to_leave_message", enrolment.safe_to_leave_message),
        Fact("sessions_done", _("Sessions done"), [
            [Fact("number", _("Session"), done.number), Fact("done_at", _("Done"), done.done_at)]
            for done in enrolment.sessions_done.all()]),
        Fact("mood_checks", _("Mood checks"), [
            held_facts(Fact("point", _("When"), _mood_point(check.point)), Fact("score", _("Score"), check.score),
                   Fact("skipped", _("Skipped"), check.skipped), Fact("at", _("Date"), check.created_at))
            for check in enrolment.mood_checks.order_by("created_at")]),
        Fact("helper_check_ins", _("Your helper's weekly check-ins"), [
            held_facts(Fact("at", _("Date"), check_in.happened_at), Fact("reached", _("Reached you"), check_in.reached),
                   Fact("note", _("What your helper wrote"), check_in.note))
            for check_in in enrolment.check_ins.all()]),
    ))


def _mood_point(point):
    return {MoodCheck.Point.START: _("At the start"), MoodCheck.Point.MIDDLE: _("Half way"),
            MoodCheck.Point.END: _("At the end")}.get(point, point)


def _escalation_section(escalation):
    return Section("urgent_calls", _("You asked a helper to call you urgently"), held_facts(
        Fact("asked_at", _("When"), escalation.created_at),
        Fact("language", _("Language"), _language_name(escalation.language)),
        Fact("phone", _("Phone number"), escalation.contact_phone),
        Fact("safe_to_leave_message", _("Safe to leave a message"), escalation.safe_to_leave_message),
    ))


def _callback_section(callback):
    return Section("call_backs", _("You asked a helper to call you back"), held_facts(
        Fact("asked_at", _("When"), callback.created_at),
        Fact("language", _("Language"), _language_name(callback.language)),
        Fact("channel", _("How you asked"), _channel(callback.channel)),
        Fact("phone", _("Phone number"), callback.phone),
        Fact("safe_to_leave_message", _("Safe to leave a message"), callback.safe_to_leave_message),
    ))


def _conversation_section(contact):
    return Section("conversations", _("Your messages with EveryDoor"), held_facts(
        Fact("started_at", _("Started"), contact.created_at),
        Fact("channel", _("How"), _channel(contact.channel)),
        Fact("language", _("Language"), _language_name(contact.language)),
        Fact("phone", _("Phone number"), contact.address),
        Fact("messages", _("What you sent"), [
            [Fact("at", _("When"), message.received_at), Fact("text", _("Message"), message.body)]
            for message in contact.inbound.order_by("received_at")]),
    ))


def _case_section(case):
    return Section("helper_notes", _("What helpers wrote about your request"), [
        Fact("notes", _("Notes"), [
            [Fact("written_at", _("When"), note.written_at), Fact("text", _("Note"), note.text)]
            for note in CaseNote.objects.filter(case=case).order_by("written_at")]),
    ])


def as_data(holdings, sections):
    """The JSON download: each kind of record as a list, each record its facts by name."""
    data = {"codes": holdings.codes}
    for section in sections:
        data.setdefault(section.kind, []).append({fact.key: _plain(fact.value) for fact in section.facts})
    return data


def _plain(value):
    if isinstance(value, list):
        return [{fact.key: _plain(fact.value) for fact in row} for row in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
