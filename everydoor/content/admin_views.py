"""Editors' and reviewers' screens inside the Wagtail admin (/staff/cms/)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.models import Page

from everydoor.languages.registry import all_languages

from .models import ClarityFeedback
from .reviews import CannotApprove, approve_translation, translation_overview

REVIEW_PERMISSION = "content.review_translation"
FEEDBACK_PERMISSION = "content.view_clarityfeedback"


def translation_review(request):
    language = request.GET.get("language") or None
    return TemplateResponse(request, "content/admin/translation_review.html", {
        "page_title": "Translation review",
        "header_icon": "globe",
        "rows": translation_overview(language),
        "languages": [lang for lang in all_languages() if lang.code != "en"],
        "language": language,
        "can_review": request.user.has_perm(REVIEW_PERMISSION),
    })


@require_POST
def approve(request, page_id):
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        approve_translation(page, request.user)
    except CannotApprove as reason:
        messages.error(request, f"{page.title} ({page.locale.language_code}): {reason}")
    else:
        messages.success(request, f"{page.title} ({page.locale.language_code}) is now community-reviewed.")
    return redirect(f"{reverse('content_translation_review')}?language={page.locale.language_code}")


def feedback_queue(request):
    if not request.user.has_perm(FEEDBACK_PERMISSION):
        raise PermissionDenied
    feedback = ClarityFeedback.objects.select_related("page")
    if request.GET.get("show") != "all":
        feedback = feedback.filter(handled_at__isnull=True)
    if request.GET.get("language"):
        feedback = feedback.filter(language=request.GET["language"])
    return TemplateResponse(request, "content/admin/feedback_queue.html", {
        "page_title": "Readers' feedback",
        "header_icon": "help",
        "feedback": feedback[:200],
        "languages": all_languages(),
        "language": request.GET.get("language", ""),
        "show_all": request.GET.get("show") == "all",
    })


@require_POST
def mark_handled(request, feedback_id):
    if not request.user.has_perm("content.change_clarityfeedback"):
        raise PermissionDenied
    ClarityFeedback.objects.filter(pk=feedback_id, handled_at__isnull=True).update(handled_at=timezone.now())
    return redirect("content_feedback_queue")
