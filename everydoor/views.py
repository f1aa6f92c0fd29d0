from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def home(request):
    return render(request, "home.html")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)
