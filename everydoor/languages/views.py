from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_safe

from .choosing import languages_in_offer_order, same_page_in, suggested_language
from .registry import all_languages


@require_safe
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
            {"choices": _choices(request, suggested, next_path="")},
        )


@require_safe
def choose_language(request):
    """The same list, reached from any page; each choice keeps the person on that page."""
    next_path = request.GET.get("next", "")
    return render(
        request,
        "languages/choose.html",
        {"choices": _choices(request, translation.get_language(), next_path)},
    )


def _choices(request, suggested, next_path):
    return [
        {"language": language, "url": same_page_in(language.code, next_path, request)}
        for language in languages_in_offer_order(suggested)
    ]
