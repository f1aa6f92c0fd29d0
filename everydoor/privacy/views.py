"""A person's own data: they type a continue-code, see everything we hold under it, take it
away (JSON, or a PDF to print), take back a consent, or delete it all. The code is kept in
their session once typed, never in a web address."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from everydoor.equity.profiles import SESSION_KEY as JOURNEY_SESSION_KEY
from everydoor.referrals.models import Referral

from .consent import PURPOSES, Purpose, withdraw_consent
from .downloads import json_download, pdf_download
from .forms import YourCodeForm
from .holdings import describe, erase_holdings, find_holdings
from .referrer import referrer_policy_for_forms

SESSION_KEY = "your_data"
# A request in these states has been read by the service, which keeps its own record.
SEEN_BY_THE_SERVICE = (Referral.Status.ACCEPTED, Referral.Status.DECLINED, Referral.Status.CONTACTED)
# What the last withdrawal changed, shown once on the next page.
WITHDRAWAL_SESSION_KEY = "your_data_withdrawal"


def _held(request):
    return find_holdings(request.session.get(SESSION_KEY))


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def enter_code(request):
    form = YourCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if find_holdings(form.cleaned_data["code"]) is not None:
            request.session[SESSION_KEY] = form.cleaned_data["code"]
            return redirect("your-data-held")
        form.add_error("code", YourCodeForm.not_found_message())
    return render(request, "privacy/enter_code.html", {"form": form, "holding": SESSION_KEY in request.session},
                  status=400 if form.errors else 200)


@require_safe
@referrer_policy_for_forms
def held(request):
    holdings = _held(request)
    if holdings is None:
        return redirect("your-data")
    return render(request, "privacy/held.html", {
        "sections": describe(holdings),
        "consents": [(consent, PURPOSES.get(consent.purpose)) for consent in holdings.consents],
        "withdrawal": request.session.pop(WITHDRAWAL_SESSION_KEY, None),
    })


@require_safe
def download_json(request):
    return _download(request, json_download)


@require_safe
def download_pdf(request):
    return _download(request, pdf_download)


def _download(request, download):
    holdings = _held(request)
    if holdings is None:
        return redirect("your-data")
    return download(holdings, translation.get_language())


@require_POST
def withdraw(request, purpose):
    if purpose not in (Purpose.CONTACT, Purpose.REFERRAL):
        raise Http404("Research consent is held under the About-you answers, not a code")
    holdings = _held(request)
    if holdings is None:
        return redirect("your-data")
    change = withdraw_consent(request.session[SESSION_KEY], purpose, by=request.user)
    request.session[WITHDRAWAL_SESSION_KEY] = {
        "purpose": purpose, "calls_cancelled": change.calls_cancelled,
        "referrals_withdrawn": change.referrals_withdrawn, "services_to_contact": change.services_to_contact,
    }
    return redirect("your-data-held")


@require_safe
@referrer_policy_for_forms
def confirm_delete(request):
    holdings = _held(request)
    if holdings is None:
        return redirect("your-data")
    with_a_service = [referral.service.name for referral in holdings.referrals if referral.service and (
        referral.delivery_status == Referral.Delivery.DELIVERED or referral.status in SEEN_BY_THE_SERVICE)]
    return render(request, "privacy/delete.html", {"services": sorted(set(with_a_service))})


@require_POST
def delete(request):
    holdings = _held(request)
    if holdings is None:
        return redirect("your-data")
    erase_holdings(holdings, by=request.user)
    request.session.pop(SESSION_KEY, None)
    return redirect("your-data-deleted")


@require_safe
def deleted(request):
    return render(request, "privacy/deleted.html")


@require_POST
def forget_code(request):
    """Forget the code on this phone (a shared phone shows nothing to the next person)."""
    request.session.pop(SESSION_KEY, None)
    return redirect("your-data")


@require_POST
def withdraw_research(request):
    """From the About-you page: the anonymous answers kept in this session stop being
    available for research."""
    journey = request.session.get(JOURNEY_SESSION_KEY)
    if journey:
        withdraw_consent(journey, Purpose.RESEARCH, by=request.user)
    return redirect(reverse("about-you") + "?research=withdrawn")
