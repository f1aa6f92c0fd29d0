from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.lines import crisis_lines
from everydoor.crisis.models import Escalation
from everydoor.equity.models import JourneyEvent
from everydoor.equity.profiles import record_step
from everydoor.helpers.assisted import entry_channel, record_assistance
from everydoor.privacy.referrer import referrer_policy_for_forms
from everydoor.readaloud.audio import audio_for

from . import results
from .access import current_screening, get_screening_for, hold_screening
from .answering import InvalidAnswer, first_unanswered, record_answer, start_screening, submit_all_answers
from .forms import AllAnswersForm, ContactRequestForm, ContinueCodeForm
from .instruments import UnknownInstrument, instrument_ids, load_instrument
from .models import Screening
from .paper import paper_questionnaire_pdf

NOT_SAFE_REASON = "The person said they are not safe right now."


def _instrument(instrument_id):
    try:
        return load_instrument(instrument_id, translation.get_language())
    except UnknownInstrument as missing:
        raise Http404(instrument_id) from missing


@require_safe
def choose_questionnaire(request):
    instruments = [load_instrument(instrument_id, translation.get_language()) for instrument_id in instrument_ids()]
    return render(request, "screening/choose.html", {"instruments": instruments})


@require_safe
@referrer_policy_for_forms
def about_questionnaire(request, instrument_id):
    return render(request, "screening/about.html", {"instrument": _instrument(instrument_id)})


@require_POST
def start(request, instrument_id):
    screening = start_screening(_instrument(instrument_id), channel=entry_channel(request))
    record_assistance(request, screening=screening)
    hold_screening(request, screening)
    record_step(request, JourneyEvent.Step.STARTED_QUESTIONNAIRE)
    return redirect("screening-question", instrument_id=instrument_id, number=1)


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def question(request, instrument_id, number):
    instrument = _instrument(instrument_id)
    screening = get_screening_for(request, instrument_id)
    if screening is None:
        return redirect("about-questionnaire", instrument_id=instrument_id)
    if not 1 <= number <= len(instrument.questions):
        raise Http404(number)
    this_question = instrument.question(number)
    error = None
    if request.method == "POST":
        try:
            outcome = record_answer(screening, instrument, this_question, request.POST.get("answer", ""))
        except InvalidAnswer:
            error = True
        else:
            if outcome.next_number is None:
                record_step(request, JourneyEvent.Step.COMPLETED_QUESTIONNAIRE)
            return _after_answer(instrument, outcome)
    return render(
        request,
        "screening/question.html",
        {
            "instrument": instrument,
            "question": this_question,
            "screening": screening,
            "chosen": screening.answers.get(this_question.link_id),
            "error": error,
            "audio": audio_for(spoken_question(instrument, this_question), instrument.language),
        },
        status=400 if error else 200,
    )


def spoken_question(instrument, question):
    """What read-aloud says: the stem, the question, then each answer to choose from."""
    return "\n".join([instrument.stem, question.text, *(option.display for option in question.options)])


def _after_answer(instrument, outcome):
    if outcome.risk_rules:
        return redirect("safety")
    if outcome.next_number is None:
        return redirect("screening-result", instrument_id=instrument.id)
    return redirect("screening-question", instrument_id=instrument.id, number=outcome.next_number)


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def all_questions(request, instrument_id):
    instrument = _instrument(instrument_id)
    form = AllAnswersForm(instrument, request.POST if request.method == "POST" else None)
    if form.is_valid():
        screening = submit_all_answers(instrument, form.answers(), form.submission_key(),
                                       channel=entry_channel(request))
        record_assistance(request, screening=screening)
        hold_screening(request, screening)
        record_step(request, JourneyEvent.Step.STARTED_QUESTIONNAIRE)
        record_step(request, JourneyEvent.Step.COMPLETED_QUESTIONNAIRE)
        if screening.risk_flagged:
            return redirect("safety")
        return redirect("screening-result", instrument_id=instrument_id)
    return render(
        request, "screening/all_questions.html", {"instrument": instrument, "form": form},
        status=400 if form.errors else 200,
    )


@require_safe
def result(request, instrument_id):
    instrument = _instrument(instrument_id)
    screening = get_screening_for(request, instrument_id)
    if screening is None:
        return redirect("about-questionnaire", instrument_id=instrument_id)
    if screening.result is None:
        return redirect(
            "screening-question", instrument_id=instrument_id, number=first_unanswered(screening, instrument)
        )
    band = screening.result["band"]
    record_step(request, JourneyEvent.Step.SAW_RESULT)
    return render(
        request,
        "screening/result.html",
        {
            "instrument": instrument,
            "screening": screening,
            "meaning": results.meaning(instrument.scoring, band),
            "needs_support": results.needs_support(instrument.scoring, band),
            "next_number": first_unanswered(screening, instrument),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def continue_with_code(request):
    form = ContinueCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        screening = Screening.objects.filter(continue_code=form.cleaned_data["code"]).first()
        if screening is not None:
            hold_screening(request, screening)
            # A scored screening shows its result, which offers any unscored question left.
            if screening.status == Screening.Status.COMPLETED:
                return redirect("screening-result", instrument_id=screening.instrument_id)
            number = first_unanswered(screening, _instrument(screening.instrument_id))
            return redirect("screening-question", instrument_id=screening.instrument_id, number=number)
        form.add_error("code", ContinueCodeForm.not_found_message())
    return render(request, "screening/continue.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
def not_safe(request):
    screening = current_screening(request)
    if screening is not None and NOT_SAFE_REASON not in screening.risk_reasons:
        screening.risk_reasons.append(NOT_SAFE_REASON)
        screening.save(update_fields=["risk_reasons", "updated_at"])
    request.session["pressed_not_safe"] = True
    return redirect("safety")


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def safety(request):
    """Crisis help first; then, if the person wants, a helper calls them back."""
    record_step(request, JourneyEvent.Step.REACHED_CRISIS_HELP)
    screening = current_screening(request)
    form = ContactRequestForm(request.POST or None)
    # Already asked for (a course participant's mood check escalates with the number they gave).
    escalated = screening is not None and Escalation.objects.filter(screening=screening).exists()
    if escalated:
        form = None
    elif request.method == "POST" and form.is_valid():
        escalate_risk(
            source=Escalation.Source.NOT_SAFE_BUTTON
            if request.session.get("pressed_not_safe")
            else Escalation.Source.RISK_ANSWER,
            reasons=screening.risk_reasons if screening else [NOT_SAFE_REASON],
            language=translation.get_language(),
            phone=form.cleaned_data["phone"],
            consent=form.cleaned_data["consent"],
            safe_to_leave_message=form.cleaned_data["safe_to_leave_message"],
            screening=screening,
        )
        escalated = True
        form = None
    resume = None
    if screening is not None:
        number = first_unanswered(screening, _instrument(screening.instrument_id))
        resume = (screening.instrument_id, number)
    return render(
        request,
        "screening/safety.html",
        {"lines": crisis_lines(translation.get_language()), "form": form, "escalated": escalated, "resume": resume},
        status=400 if form is not None and form.errors else 200,
    )


@require_safe
def paper(request, instrument_id):
    instrument = _instrument(instrument_id)
    response = HttpResponse(paper_questionnaire_pdf(instrument), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{instrument.id}-{instrument.language}.pdf"'
    return response
