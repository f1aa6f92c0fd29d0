from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from everydoor.equity.models import JourneyEvent
from everydoor.equity.profiles import journey_of, record_step
from everydoor.helpers.assisted import entry_channel, record_assistance
from everydoor.privacy.referrer import referrer_policy_for_forms
from everydoor.screening.access import current_screening
from everydoor.screening.forms import ContinueCodeForm
from everydoor.screening.models import Screening

from . import outcomes
from .access import held_draft, held_referral, hold_referral
from .forms import ConsentForm, DoctorForm, ResultsForm, SafeContactForm
from .intake import start_referral, submit_referral
from .models import Referral
from .steps import CHECK_STEP_NUMBER, STEPS, first_unfinished_step, next_slug, step_by_slug


@require_safe
@referrer_policy_for_forms
def start_page(request):
    return render(request, "referrals/start.html", {"draft": held_draft(request)})


@require_POST
def start(request):
    referral = held_draft(request)
    if referral is None:
        screening = current_screening(request)
        held = [screening] if screening and screening.status == Screening.Status.COMPLETED else []
        referral = start_referral(translation.get_language(), held)
        record_assistance(request, referral=referral)
        hold_referral(request, referral)
    return redirect("referral-step", slug=STEPS[0].slug)


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def step(request, slug):
    number, this_step = step_by_slug(slug)
    if this_step is None:
        raise Http404(slug)
    referral = held_draft(request)
    if referral is None:
        return redirect("referral-start")
    held_screenings = _held_screenings(request, referral) if this_step.form_class is ResultsForm else []
    form = _step_form(this_step, referral, request, held_screenings)
    if request.method == "POST" and form.is_valid():
        form.save()
        following = None if request.GET.get("back") == "check" else next_slug(slug)
        return redirect("referral-step", slug=following) if following else redirect("referral-check")
    return render(request, "referrals/step.html", {
        "step": this_step, "number": number, "total": CHECK_STEP_NUMBER, "form": form, "referral": referral,
        "held_screenings": held_screenings,
    }, status=400 if form.errors else 200)


def _step_form(this_step, referral, request, held_screenings):
    data = request.POST if request.method == "POST" else None
    if this_step.form_class is ResultsForm:
        return ResultsForm(referral, held_screenings, data)
    return this_step.form_class(referral, data)


def _held_screenings(request, referral):
    """Finished results this person holds: the one in their session and any already attached."""
    held = list(referral.screenings.filter(status=Screening.Status.COMPLETED))
    screening = current_screening(request)
    if screening and screening.status == Screening.Status.COMPLETED and screening not in held:
        held.append(screening)
    return held


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def check(request):
    referral = held_draft(request)
    if referral is None:
        return redirect("referral-start")
    unfinished = first_unfinished_step(referral)
    if unfinished:
        return redirect("referral-step", slug=unfinished)
    form = ConsentForm(referral, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        submit_referral(referral, channel=entry_channel(request), journey=journey_of(request))
        record_step(request, JourneyEvent.Step.REFERRED)
        return redirect("referral-sent")
    return render(request, "referrals/check.html", {
        "referral": referral, "form": form, "number": CHECK_STEP_NUMBER, "total": CHECK_STEP_NUMBER,
        "safe_times": _safe_time_labels(referral),
        "has_gp": dict(DoctorForm.base_fields["has_gp"].choices).get(referral.has_gp),
    }, status=400 if form.errors else 200)


def _safe_time_labels(referral):
    labels = dict(SafeContactForm.base_fields["safe_times"].choices)
    return [labels[time] for time in referral.safe_times if time in labels]


@require_safe
def sent(request):
    referral = held_referral(request)
    if referral is None or referral.status == Referral.Status.DRAFT:
        return redirect("referral-start")
    return render(request, "referrals/sent.html", _outcome_context(referral))


def _outcome_context(referral):
    return {
        "referral": referral,
        "why_community_worker": outcomes.WHY_COMMUNITY_WORKER.get(referral.route),
        "status_message": outcomes.STATUS_FOR_PERSON.get(referral.status),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def status(request):
    """The person types their code: a sent request shows what happened; a draft carries on."""
    form = ContinueCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        referral = Referral.objects.filter(code=form.cleaned_data["code"]).select_related("service").first()
        if referral is not None:
            hold_referral(request, referral)
            if referral.status == Referral.Status.DRAFT:
                unfinished = first_unfinished_step(referral)
                return redirect("referral-step", slug=unfinished) if unfinished else redirect("referral-check")
            return render(request, "referrals/status.html", _outcome_context(referral))
        form.add_error("code", ContinueCodeForm.not_found_message())
    return render(request, "referrals/status_form.html", {"form": form}, status=400 if form.errors else 200)
