from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST, require_safe

from everydoor.content.models import SelfHelpSessionPage
from everydoor.content.pages import find_content_page
from everydoor.content.views import render_content_page
from everydoor.helpers.assisted import entry_channel
from everydoor.privacy.referrer import referrer_policy_for_forms
from everydoor.screening.access import hold_screening
from everydoor.screening.answering import first_unanswered, instrument_for
from everydoor.screening.forms import ContinueCodeForm

from . import progress
from .access import current_enrolment, hold_enrolment, let_go
from .forms import JoinForm
from .models import Enrolment, MoodCheck
from .mood import mood_history, skip_mood_check, start_mood_check


@require_safe
@referrer_policy_for_forms
def course(request):
    enrolment = current_enrolment(request)
    if enrolment is None:
        return _about(request)
    return render(request, "course/home.html", {
        "enrolment": enrolment,
        "next": progress.next_step(enrolment),
        "sessions": _sessions(enrolment),
        "moods": mood_history(enrolment),
    })


def _about(request, join_form=None, code_form=None, status=200):
    return render(request, "course/about.html", {
        "join_form": join_form or JoinForm(), "code_form": code_form or ContinueCodeForm(),
        "sessions": _sessions(None),
    }, status=status)


def _sessions(enrolment):
    done = progress.sessions_done(enrolment) if enrolment else set()
    language = translation.get_language()
    rows = []
    for number, slug in enumerate(progress.SESSION_SLUGS, start=1):
        found = find_content_page(SelfHelpSessionPage, slug, language)
        rows.append({
            "number": number, "page": found.page if found else None, "done": number in done,
            "open": enrolment is not None and progress.session_is_open(number, done),
        })
    return rows


@require_POST
@referrer_policy_for_forms
def join(request):
    form = JoinForm(request.POST)
    if not form.is_valid():
        return _about(request, join_form=form, status=400)
    enrolment = progress.enrol(
        language=translation.get_language(), channel=entry_channel(request),
        check_in_by=form.cleaned_data["check_in_by"], phone=form.cleaned_data["phone"],
        safe_to_leave_message=form.cleaned_data["safe_to_leave_message"],
        safe_times=form.cleaned_data["safe_times"],
    )
    hold_enrolment(request, enrolment)
    return redirect("course")


@require_POST
@referrer_policy_for_forms
def continue_course(request):
    form = ContinueCodeForm(request.POST)
    if form.is_valid():
        enrolment = Enrolment.objects.filter(continue_code=form.cleaned_data["code"]).first()
        if enrolment is not None:
            hold_enrolment(request, enrolment)
            return redirect("course")
        form.add_error("code", ContinueCodeForm.not_found_message())
    return _about(request, code_form=form, status=400)


@require_POST
def leave(request):
    """Forget the course on this phone (it carries on with the code)."""
    let_go(request)
    return redirect("course")


@require_safe
@referrer_policy_for_forms
def session(request, number):
    enrolment = _enrolment_with_session_open(request, number)
    if enrolment is None:
        return redirect("course")
    found = find_content_page(SelfHelpSessionPage, progress.SESSION_SLUGS[number - 1], translation.get_language())
    if found is None:
        raise Http404("This session has not been published")
    return render_content_page(request, found.page, found.in_reader_language, template="course/session.html",
                               extra={"number": number, "done": number in progress.sessions_done(enrolment)})


@require_POST
def session_done(request, number):
    enrolment = _enrolment_with_session_open(request, number)
    if enrolment is None:
        return redirect("course")
    progress.mark_session_done(enrolment, number)
    return redirect("course")


def _enrolment_with_session_open(request, number):
    """The course this person holds (None if none), if session `number` is open to them."""
    enrolment = current_enrolment(request)
    if enrolment is not None and not progress.may_open_session(enrolment, number):
        raise Http404("This session is not open yet")
    return enrolment


@require_POST
def mood_check(request, point):
    enrolment = current_enrolment(request)
    if enrolment is None:
        return redirect("course")
    step = progress.next_step(enrolment)
    if point not in MoodCheck.Point.values or step.kind != "mood" or step.point != point:
        return redirect("course")
    if "skip" in request.POST:
        skip_mood_check(enrolment, point)
        return redirect("course")
    screening = start_mood_check(enrolment, point, channel=entry_channel(request, usual=enrolment.channel))
    hold_screening(request, screening)
    # An unfinished check carries on from its first unanswered question.
    number = first_unanswered(screening, instrument_for(screening, screening.language)) or 1
    return redirect("screening-question", instrument_id=screening.instrument_id, number=number)
