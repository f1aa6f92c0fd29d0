from django.utils import translation

from .catalogues import is_fully_reviewed
from .registry import get_language


def current_language(request):
    """The active language as our registry knows it (native name, direction, script)."""
    code = translation.get_language() or "en"
    try:
        language = get_language(code)
    except KeyError:
        language = get_language("en")
    return {
        "current_language": language,
        "translation_is_draft": not is_fully_reviewed(language.code),
    }
