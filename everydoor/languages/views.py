from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST, require_safe

from everydoor.equity.profiles import record_language_chosen
from everydoor.privacy.referrer import referrer_policy_for_forms

from .choosing import languages_in_offer_order, same_page_in, suggested_language
from .registry import all_languages


@require_safe
@referrer_policy_for_forms
def first_choice(request):
    """The first screen: every language in its own script.

    Someone who has chosen before (the language cookie) goes straight to their language.
    """
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in {language.code for language in all_languages()}:
        return redirect(f"/{chosen}/")
    suggested = suggested_language(request)
    with translation.override(suggested or "en"):
        return render(
            request,
            "languages/choose.html",
            {"languages": languages_in_offer_order(suggested), "next_path": ""},
        )


@require_safe
@referrer_policy_for_forms
def choose_language(request):
    """The same list, reached from any page; each choice keeps the person on that page."""
    return render(
        request,
        "languages/choose.html",
        {"languages": languages_in_offer_order(translation.get_language()), "next_path": request.GET.get("next", "")},
    )


@require_POST
def language_chosen(request):
    """A choice from either list: the person's journey begins here; then the page they were
    on (or the home page) in the language they chose."""
    code = request.POST.get("language", "")
    if code not in {language.code for language in all_languages()}:
        return redirect("first-choice")
    record_language_chosen(request, code)
    return redirect(same_page_in(code, request.POST.get("next", ""), request))
