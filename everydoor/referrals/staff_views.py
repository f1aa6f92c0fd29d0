"""The provider inbox: staff of a service (and community workers) see, decide on and
record contact for the referrals that are theirs. Every look at a referral is audited."""

import json
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST, require_safe

from everydoor.privacy.audit import REFERRAL_WORK, audit_trail, record_access
from everydoor.privacy.referrer import referrer_policy_for_forms

from .access import get_referral_for, is_referral_staff, referrals_visible_to
from .fhir import referral_bundle
from .intake import NotAllowed, accept_referral, can_record_first_contact, decline_referral, record_first_contact
from .letter import answered_screenings, languages_in_english, referral_letter_pdf
from .outcomes import WHY_COMMUNITY_WORKER
from .staff_forms import DeclineForm, FirstContactForm, InboxFilterForm


def in_english(view):
    """Staff pages are English, for the clinical record, whatever language the browser last chose."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with translation.override("en"):
            return view(request, *args, **kwargs)

    return wrapped


def staff_only(view):
    """Signed-in staff of a service, or community workers; pages with forms that post back."""

    @login_required
    @referrer_policy_for_forms
    @in_english
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_referral_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_safe
@staff_only
def inbox(request):
    filters = InboxFilterForm(request.GET)
    referrals = filters.apply(referrals_visible_to(request.user)).select_related("service")
    return render(request, "referrals/staff/inbox.html", {"referrals": referrals[:200], "filters": filters})


@require_safe
@staff_only
def detail(request, referral_id):
    referral = get_referral_for(request.user, referral_id)
    record_access(request.user, "viewed", referral, REFERRAL_WORK)
    return _detail_page(request, referral)


def _detail_page(request, referral, decline_form=None, contact_form=None, status=200):
    return render(request, "referrals/staff/detail.html", {
        "referral": referral,
        **languages_in_english(referral),
        "why_community": WHY_COMMUNITY_WORKER.get(referral.route),
        "screenings": list(answered_screenings(referral)),
        "decline_form": decline_form or DeclineForm(),
        "contact_form": contact_form or FirstContactForm(),
        "audit": audit_trail(referral)[:50],
        "can_record_first_contact": can_record_first_contact(referral),
    }, status=status)


@require_POST
@staff_only
def accept(request, referral_id):
    referral = get_referral_for(request.user, referral_id)
    return _change_then_show(request, referral, lambda: accept_referral(referral, request.user))


@require_POST
@staff_only
def decline(request, referral_id):
    referral = get_referral_for(request.user, referral_id)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, referral, decline_form=form, status=400)
    return _change_then_show(
        request, referral, lambda: decline_referral(referral, request.user, form.cleaned_data["reason"])
    )


@require_POST
@staff_only
def first_contact(request, referral_id):
    referral = get_referral_for(request.user, referral_id)
    form = FirstContactForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, referral, contact_form=form, status=400)
    when, note = form.cleaned_data["when"], form.cleaned_data["note"]
    return _change_then_show(request, referral, lambda: record_first_contact(referral, request.user, when, note))


def _change_then_show(request, referral, change):
    """Make the change and show the referral again; 409 if its state no longer allows it
    (two colleagues deciding at once, or a second click)."""
    try:
        change()
    except NotAllowed:
        return _detail_page(request, referral, status=409)
    return redirect("staff-referral", referral_id=referral.pk)


@require_safe
@staff_only
def letter(request, referral_id):
    referral = get_referral_for(request.user, referral_id)
    record_access(request.user, "downloaded letter", referral, REFERRAL_WORK)
    response = HttpResponse(referral_letter_pdf(referral), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="referral-{referral.code}.pdf"'
    return response


@require_safe
@staff_only
def fhir_bundle(request, referral_id):
    referral = get_referral_for(request.user, referral_id)
    record_access(request.user, "downloaded FHIR bundle", referral, REFERRAL_WORK)
    response = HttpResponse(json.dumps(referral_bundle(referral), ensure_ascii=False, indent=2),
                            content_type="application/fhir+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="referral-{referral.code}.json"'
    return response
