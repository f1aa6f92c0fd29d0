"""The helpers' console: the caseload, a case, and what a helper does with it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from everydoor.accounts.work import first_page_for
from everydoor.course.forms import CheckInForm
from everydoor.course.mood import mood_history
from everydoor.course.progress import SESSION_SLUGS, check_in_due_at, record_check_in, sessions_done
from everydoor.crisis.lines import crisis_lines
from everydoor.equity.profiles import record_language_chosen, start_new_journey
from everydoor.privacy.audit import CASE_WORK, SUPERVISION, record_access
from everydoor.privacy.referrer import referrer_policy_for_forms

from . import cases
from .access import console_language, helpers_only
from .assisted import assisting, start_assisting, stop_assisting
from .forms import AssistForm, AuditFilterForm, CaseloadFilterForm, CloseForm, NoteForm, ReviewForm
from .models import CaseNote
from .wellbeing import self_check_form, self_check_result


@require_safe
@helpers_only
def caseload(request):
    filters = CaseloadFilterForm(request.GET)
    waiting = list(filters.apply(cases.caseload_for(request.user))[:200])
    now = timezone.now()
    for case in waiting:
        case.check_in_due = case.enrolment_id is not None and cases.check_in_due(case, now)
    supervising = request.user.has_perm("helpers.supervise_caseload")
    return render(request, "helpers/caseload.html", {
        "cases": waiting, "filters": filters, "supervising": supervising,
        "notes_to_review": cases.notes_to_review().count() if supervising else 0,
    })


@require_safe
@helpers_only
def case_detail(request, case_id):
    case = _case(request, case_id)
    record_access(request.user, "viewed", case, CASE_WORK)
    return _show(request, case)


@require_POST
@helpers_only
def pick_up(request, case_id):
    case = _case(request, case_id)
    try:
        cases.pick_up(case, request.user)
    except cases.NotAllowed:
        return _show(request, case, status=409, problem="picked_up")
    record_access(request.user, "picked up", case, CASE_WORK)
    return redirect("helpers-case", case_id=case.pk)


@require_POST
@helpers_only
def take_over(request, case_id):
    case = _case(request, case_id)
    try:
        cases.take_over(case, request.user)
    except cases.NotAllowed:
        raise Http404("Supervisors take over open cases") from None
    record_access(request.user, "took over", case, SUPERVISION)
    return redirect("helpers-case", case_id=case.pk)


@require_POST
@helpers_only
def clear_attention(request, case_id):
    case = _case(request, case_id)
    if not _may_work(request.user, case):
        return _show(request, case, status=403, problem="not_yours")
    if case.attention_raised_at:
        cases.clear_attention(case, request.user)
    return redirect("helpers-case", case_id=case.pk)


@require_POST
@helpers_only
def check_in(request, case_id):
    """Record this week's check-in with someone on the guided self-help course."""
    case = _case(request, case_id)
    if case.enrolment is None:
        raise Http404("Not a self-help case")
    form = CheckInForm(request.POST)
    if not _may_work(request.user, case) or not form.is_valid():
        return _show(request, case, check_in_form=form, status=400 if _may_work(request.user, case) else 403)
    record_check_in(case.enrolment, request.user, form.cleaned_data["how"], form.cleaned_data["reached"],
                    form.cleaned_data["note"])
    record_access(request.user, "checked in", case, CASE_WORK)
    return redirect("helpers-case", case_id=case.pk)


@require_POST
@helpers_only
def add_note(request, case_id):
    case = _case(request, case_id)
    form = NoteForm(request.POST)
    if not _may_work(request.user, case) or not form.is_valid():
        return _show(request, case, note_form=form, status=400 if _may_work(request.user, case) else 403)
    cases.add_note(case, request.user, form.cleaned_data["text"])
    return redirect("helpers-case", case_id=case.pk)


@require_POST
@helpers_only
def close(request, case_id):
    case = _case(request, case_id)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _show(request, case, close_form=form, status=400)
    try:
        cases.close(case, request.user, form.cleaned_data["outcome"])
    except cases.NotAllowed:
        return _show(request, case, close_form=form, status=403, problem="not_yours")
    record_access(request.user, "closed", case, CASE_WORK)
    return redirect("helpers-caseload")


@require_POST
@helpers_only
def review_note(request, note_id):
    note = CaseNote.objects.select_related("case").filter(pk=note_id).first()
    if note is None or not request.user.has_perm("helpers.supervise_caseload"):
        raise Http404("No such note")
    form = ReviewForm(request.POST)
    if form.is_valid():
        cases.review_note(note, request.user, form.cleaned_data["comment"])
    return redirect("helpers-case", case_id=note.case_id)


@require_safe
@helpers_only
def audit_log(request):
    """Supervisors review who looked at or changed people's data, and why. Read only."""
    if not request.user.has_perm("privacy.review_audit_log"):
        raise Http404("Supervisors only")
    form = AuditFilterForm(request.GET)
    return render(request, "helpers/audit_log.html", {"form": form, "events": form.events()[:200]},
                  status=400 if form.errors else 200)


@require_safe
@helpers_only
def notes_to_review(request):
    if not request.user.has_perm("helpers.supervise_caseload"):
        raise Http404("Supervisors only")
    return render(request, "helpers/notes_to_review.html", {"notes": cases.notes_to_review()[:200]})


def _case(request, case_id):
    case = cases.case_for(request.user, case_id)
    if case is None:
        raise Http404("No such case")
    return case


def _may_work(user, case):
    return case.assigned_to_id == user.pk or user.has_perm("helpers.supervise_caseload")


def _show(request, case, note_form=None, close_form=None, check_in_form=None, status=200, problem=None):
    return render(request, "helpers/case.html", {
        "case": case, "notes": case.notes.select_related("author", "reviewed_by"),
        "may_work": _may_work(request.user, case), "problem": problem,
        "supervising": request.user.has_perm("helpers.supervise_caseload"),
        "note_form": note_form or NoteForm(), "close_form": close_form or CloseForm(), "review_form": ReviewForm(),
        "course": _course_progress(case.enrolment) if case.enrolment else None,
        "check_in_form": check_in_form or CheckInForm(),
    }, status=status)


def _course_progress(enrolment):
    due_at = check_in_due_at(enrolment)
    return {
        "sessions_done": sorted(sessions_done(enrolment)), "session_count": len(SESSION_SLUGS),
        "moods": mood_history(enrolment), "check_ins": enrolment.check_ins.select_related("helper"),
        "check_in_due_at": due_at, "check_in_due": due_at <= timezone.now(),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@helpers_only
def assist(request):
    """Start (or stop) assisted mode, then go to the public page in the person's language."""
    if request.method == "POST" and "stop" in request.POST:
        stop_assisting(request)
        start_new_journey(request)
        return redirect("helpers-caseload")
    form = AssistForm(request.POST or None, initial={"mode": "assisted"})
    if request.method == "POST" and form.is_valid():
        start_assisting(request, form.cleaned_data["mode"])
        # Each person assisted is a journey of their own, begun in the language they chose.
        start_new_journey(request)
        record_language_chosen(request, form.cleaned_data["language"])
        return redirect(_public_page(form.cleaned_data))
    return render(request, "helpers/assist.html", {"form": form, "assisting": assisting(request)},
                  status=400 if form.errors else 200)


def _public_page(choice):
    with translation.override(choice["language"]):
        if choice["what"] == "referral":
            return reverse("referral-start")
        if choice["what"] in ("course", "digital-skills"):
            return reverse(choice["what"])
        # A paper form is keyed in on the one-page form, as the paper's own web address says.
        view = "screening-all-questions" if choice["mode"] == "paper" else "about-questionnaire"
        return reverse(view, args=[choice["what"]])


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@referrer_policy_for_forms
def wellbeing(request):
    """Any member of staff with a role, for themselves. Answers are not saved or logged."""
    if first_page_for(request.user) is None:
        raise PermissionDenied
    language = console_language(request.user)
    with translation.override(language):
        form = self_check_form(language, request.POST if request.method == "POST" else None)
        result = self_check_result(form) if form.is_valid() else None
        return render(request, "helpers/wellbeing.html", {"form": form, "instrument": form.instrument,
                                                          "result": result, "crisis_lines": crisis_lines(language)},
                      status=400 if form.errors else 200)
