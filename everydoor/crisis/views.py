from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from .lines import crisis_lines


@require_safe
def help_now(request):
    return render(
        request,
        "crisis/help_now.html",
        {"lines": crisis_lines(translation.get_language())},
    )
