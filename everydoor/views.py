import logging

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def home(request):
    return render(request, "home.html")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """The error page in the person's language, with the way to urgent help.

    If even that cannot be drawn, a plain page: never a second error.
    """
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logging.getLogger(__name__).exception("The error page itself failed")
        return HttpResponseServerError(
            "<!doctype html><title>Error</title><p>Something went wrong. In an emergency call 999.",
        )
