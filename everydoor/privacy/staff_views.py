"""A person's request for their data made by phone or in person: a supervisor looks up the
code the person gave, and sees, downloads or erases what we hold, writing each time how the
person asked. Every look, download and erasure is recorded and audited (subject_requests.py).

The code travels in each form's body, never in a web address."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from everydoor.helpers.access import helpers_only

from .downloads import everything_held, json_download, pdf_download
from .forms import DataRequestForm, EraseRequestForm
from .holdings import find_holdings
from .models import SubjectRequest
from .subject_requests import erase_on_request, record_subject_request


def supervisors_only(view):
    """Signed in with the second factor (as every staff page), in the console, supervisors only."""

    @helpers_only
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("helpers.supervise_caseload"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _found(form):
    """The person's holdings if the form is filled in and the code finds something; the
    form carries the reason otherwise."""
    if not form.is_valid():
        return None
    holdings = find_holdings(form.cleaned_data["code"])
    if holdings is None:
        form.add_error("code", DataRequestForm.not_found_message())
    return holdings


def _page(request, form, status=200, **context):
    return render(request, "privacy/staff_request.html", {"form": form, **context}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@supervisors_only
def data_request(request):
    if request.method != "POST":
        return _page(request, DataRequestForm(), erased=request.GET.get("erased") == "1")
    form = DataRequestForm(request.POST)
    holdings = _found(form)
    if holdings is None:
        return _page(request, form, status=400)
    reference = form.cleaned_data["reference"]
    record_subject_request(request.user, SubjectRequest.Action.VIEWED, reference, holdings)
    return _page(request, form, sections=everything_held(holdings), code=form.cleaned_data["code"],
                 reference=reference, erase_form=EraseRequestForm(initial={"reference": reference}, auto_id="erase-%s"))


@require_POST
@supervisors_only
def data_request_json(request):
    return _download(request, SubjectRequest.Action.DOWNLOADED_JSON, json_download)


@require_POST
@supervisors_only
def data_request_pdf(request):
    return _download(request, SubjectRequest.Action.DOWNLOADED_PDF, pdf_download)


def _download(request, action, download):
    """A copy for the person, in the language they last used with us, recorded and audited."""
    form = DataRequestForm(request.POST)
    holdings = _found(form)
    if holdings is None:
        return _page(request, form, status=400)
    record_subject_request(request.user, action, form.cleaned_data["reference"], holdings)
    return download(holdings, holdings.language())


@require_POST
@supervisors_only
def data_request_erase(request):
    form = EraseRequestForm(request.POST)
    holdings = _found(form)
    if holdings is None:
        return _page(request, form, status=400, erasing=True)
    erase_on_request(request.user, form.cleaned_data["reference"], holdings)
    return redirect(reverse("helpers-data-request") + "?erased=1")
