"""Which language to offer first, and where a change of language should lead."""

from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from .registry import all_languages

# Browser tags whose nearest Django match would be the wrong language for our users:
# Afghan Persian is Dari, not Iranian Farsi.
BROWSER_TAG_ALIASES = {"fa-af": "prs"}


def suggested_language(request):
    """The first language in the browser's Accept-Language that we speak, else None.

    It only pre-selects: the person still chooses.
    """
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            continue
        code = BROWSER_TAG_ALIASES.get(code.lower(), code)
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def languages_in_offer_order(suggested):
    """Every language, with the suggested one first."""
    languages = list(all_languages())
    languages.sort(key=lambda language: language.code != suggested)
    return languages


def same_page_in(language_code, next_path, request):
    """The URL of `next_path` in another language, or that language's home page."""
    if next_path and url_has_allowed_host_and_scheme(
        next_path, allowed_hosts={request.get_host()}, require_https=False
    ):
        translated = translate_url(next_path, language_code)
        if translated != next_path or next_path.startswith(f"/{language_code}/"):
            return translated
    return f"/{language_code}/"
