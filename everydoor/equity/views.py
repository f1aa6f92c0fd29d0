from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST

from everydoor.helpers.assisted import entry_channel
from everydoor.privacy.consent import Purpose, give_consent
from everydoor.privacy.referrer import referrer_policy_for_forms

from .forms import EquityMarkersForm
from .profiles import FIELDS, markers_given, remove_markers, save_markers


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def about_you(request):
    given = markers_given(request)
    research_given = given is not None and given.research_use
    if request.method == "POST":
        form = EquityMarkersForm(request.POST, research_given=research_given)
        if form.is_valid():
            answers = {**form.cleaned_data, "postcode_district": form.cleaned_data["postcode"]}
            profile = save_markers(request, answers)
            if form.cleaned_data.get("research_use"):
                give_consent(str(profile.journey), Purpose.RESEARCH, entry_channel(request),
                             translation.get_language())
            return redirect(request.path + "?saved=1")
    else:
        initial = {name: getattr(given, name) for name in FIELDS} if given else {}
        if given:
            initial["postcode"] = given.postcode_district
        form = EquityMarkersForm(initial=initial, research_given=research_given)
    return render(request, "equity/about_you.html", {
        "form": form, "given": given, "saved": request.GET.get("saved") == "1", "research_given": research_given,
        "research_withdrawn": request.GET.get("research") == "withdrawn",
    }, status=400 if form.errors else 200)


@require_POST
def forget_about_you(request):
    remove_markers(request)
    return redirect("about-you")
