"""The helpers' training path: four modules (TrainingModulePages) read in the console's
language, each marked as finished by the helper; supervisors see who has finished what."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST, require_safe

from everydoor.content.models import TrainingModulePage
from everydoor.content.pages import find_content_page
from everydoor.content.views import content_page_context

from .access import helpers_only
from .models import TrainingCompletion

# In the order a new helper takes them (slugs in content/data/starter/en.json).
TRAINING_PATH = [
    "safe-conversations",
    "risk-escalation-protocol",
    "working-with-interpreters",
    "looking-after-yourself",
]


def modules_in(language):
    found = [find_content_page(TrainingModulePage, slug, language) for slug in TRAINING_PATH]
    return [module for module in found if module is not None]


def completed_by(user):
    return dict(TrainingCompletion.objects.filter(user=user).values_list("module", "completed_at"))


def mark_done(user, slug):
    TrainingCompletion.objects.get_or_create(user=user, module=slug)


@require_safe
@helpers_only
def training_path(request):
    done = completed_by(request.user)
    modules = [{"found": found, "done_at": done.get(found.page.slug)}
               for found in modules_in(translation.get_language())]
    return render(request, "helpers/training.html", {
        "modules": modules, "finished": all(module["done_at"] for module in modules),
        "supervising": request.user.has_perm("helpers.supervise_caseload"),
    })


@require_safe
@helpers_only
def module(request, slug):
    found = _module_or_404(slug)
    return render(request, "helpers/training_module.html", {
        **content_page_context(found.page, found.in_reader_language),
        "done_at": completed_by(request.user).get(slug),
    })


@require_POST
@helpers_only
def module_done(request, slug):
    _module_or_404(slug)
    mark_done(request.user, slug)
    return redirect("helpers-training")


@require_safe
@helpers_only
def team_progress(request):
    if not request.user.has_perm("helpers.supervise_caseload"):
        raise Http404("Supervisors only")
    people = get_user_model().objects.filter(
        Q(groups__permissions__codename="work_caseload") | Q(user_permissions__codename="work_caseload"),
        is_active=True).distinct().order_by("username").prefetch_related("training_done")
    rows = [{"user": person, "done": {done.module for done in person.training_done.all()}} for person in people]
    columns = [(found.page.slug, found.page.title) for found in modules_in(translation.get_language())]
    return render(request, "helpers/training_team.html", {"rows": rows, "columns": columns})


def _module_or_404(slug):
    found = find_content_page(TrainingModulePage, slug, translation.get_language()) if slug in TRAINING_PATH else None
    if found is None:
        raise Http404("No such module")
    return found
