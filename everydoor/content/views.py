from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST, require_safe

from everydoor.privacy.referrer import referrer_policy_for_forms
from everydoor.readaloud.audio import has_voice, ready_recording

from .feedback import record_clarity_feedback
from .forms import ClarityForm, SearchForm
from .models import GuidePage, LessonPage, SelfHelpSessionPage
from .pages import find_content_page, guide_index_for, guides_for
from .reviews import translation_state
from .search import search_guides
from .text import plain_text_of
from .worker import SERVICE_WORKER

KINDS = {"guide": GuidePage, "self-help-session": SelfHelpSessionPage, "digital-skills-lesson": LessonPage}


@require_safe
@referrer_policy_for_forms
def guide_list(request):
    language = translation.get_language()
    return render(request, "content/guide_list.html", {
        "index": guide_index_for(language),
        "guides": guides_for(language),
        "search_form": SearchForm(),
    })


@require_safe
@referrer_policy_for_forms
def guide_search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = search_guides(translation.get_language(), query) if query else []
    return render(request, "content/guide_search.html", {"search_form": form, "query": query, "results": results})


@require_safe
@referrer_policy_for_forms
def content_page(request, slug, kind):
    found = _found_or_404(kind, slug)
    return render_content_page(request, found.page, in_reader_language=found.in_reader_language)


@require_POST
@referrer_policy_for_forms
def clarity_feedback(request, slug, kind):
    found = _found_or_404(kind, slug)
    form = ClarityForm(request.POST)
    if not form.is_valid():
        return render_content_page(request, found.page, found.in_reader_language, form=form, status=400)
    record_clarity_feedback(
        found.page, translation.get_language(), form.cleaned_data["was_clear"],
        form.cleaned_data["comment"], form.cleaned_data["revision"],
    )
    # Back to the page just read (the feedback address is the page's own plus "clear/").
    return redirect(request.path.removesuffix("clear/") + "?feedback=thanks#clear")


def render_content_page(request, page, in_reader_language=True, form=None, status=200, preview=False,
                        template="content/page.html", extra=None):
    return render(request, template, {
        **content_page_context(page, in_reader_language),
        "form": form or ClarityForm(initial={"revision": page.live_revision_id}),
        "thanks": request.GET.get("feedback") == "thanks" and form is None,
        "preview": preview,
        **(extra or {}),
    }, status=status)


def content_page_context(page, in_reader_language=True):
    """What every view showing a content page needs: its words, translation state and audio."""
    page_language = page.locale.language_code
    return {
        "page": page,
        "kind": page.public_url_name,
        "in_reader_language": in_reader_language,
        "page_language": page_language,
        "state": translation_state(page),
        "audio": ready_recording(plain_text_of(page), page_language),
        "has_voice": has_voice(page_language),
    }


@require_safe
@cache_control(no_cache=True)
def service_worker(request):
    # Served from the site's root so that it may look after pages under every language.
    return HttpResponse(SERVICE_WORKER, content_type="text/javascript; charset=utf-8")


def _found_or_404(kind, slug):
    found = find_content_page(KINDS[kind], slug, translation.get_language())
    if found is None:
        raise Http404("No such page")
    return found
