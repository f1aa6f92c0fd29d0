from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from .forms import DirectorySearchForm
from .search import search_directory


@require_safe
def find_services(request):
    return _search_page(request, "directory/find.html")


@require_safe
def printable_list(request):
    return _search_page(request, "directory/print.html")


def _search_page(request, template):
    form = DirectorySearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        results = search_directory(form.query(), translation.get_language())
    status = 400 if form.is_bound and form.errors else 200
    return render(request, template, {"form": form, "results": results,
                                      "query_string": request.GET.urlencode()}, status=status)
