from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from everydoor.content.models import LessonPage
from everydoor.content.pages import find_content_page
from everydoor.content.views import clarity_feedback, render_content_page
from everydoor.helpers.assisted import entry_channel
from everydoor.privacy.referrer import referrer_policy_for_forms

from .forms import SkillsCheckForm
from .lessons import SLUGS, lessons_needed, progress_of, record_completion, remember_check


@require_http_methods(["GET", "HEAD", "POST"])
@referrer_policy_for_forms
def skills(request):
    form = SkillsCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        remember_check(request.session, lessons_needed(form.cleaned_data["can_already"]))
        return redirect(request.path + "#lessons")
    needed, done = progress_of(request.session)
    language = translation.get_language()
    lessons = []
    for slug in SLUGS:
        found = find_content_page(LessonPage, slug, language)
        if found is not None:
            lessons.append({"page": found.page, "slug": slug, "done": slug in done,
                            "suggested": needed is not None and slug in needed})
    return render(request, "skills/skills.html", {
        "form": form, "lessons": lessons, "checked": needed is not None, "needed_count": len(needed or []),
    }, status=400 if form.errors else 200)


@require_safe
@referrer_policy_for_forms
def lesson(request, slug):
    found = _lesson_or_404(slug)
    _needed, done = progress_of(request.session)
    return render_content_page(request, found.page, found.in_reader_language, template="skills/lesson.html",
                               extra={"done": slug in done})


@require_POST
def lesson_done(request, slug):
    _lesson_or_404(slug)
    record_completion(request.session, slug, translation.get_language(), entry_channel(request))
    return redirect("digital-skills")


def lesson_feedback(request, slug):
    return clarity_feedback(request, slug=slug, kind="digital-skills-lesson")


def _lesson_or_404(slug):
    found = find_content_page(LessonPage, slug, translation.get_language()) if slug in SLUGS else None
    if found is None:
        raise Http404("No such lesson")
    return found
