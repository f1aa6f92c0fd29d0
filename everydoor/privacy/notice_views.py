from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from .notice import privacy_facts, retention_in_words


@require_safe
def privacy_notice(request):
    return render(request, "privacy/notice.html", {
        "facts": privacy_facts(translation.get_language()),
        "retention": retention_in_words(),
    })
