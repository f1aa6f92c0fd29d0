from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def content_admin_urls():
    return [
        path("translation-review/", admin_views.translation_review, name="content_translation_review"),
        path("translation-review/<int:page_id>/approve/", admin_views.approve, name="content_approve_translation"),
        path("reader-feedback/", admin_views.feedback_queue, name="content_feedback_queue"),
        path("reader-feedback/<uuid:feedback_id>/handled/", admin_views.mark_handled, name="content_feedback_handled"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return self.permission is None or request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def translation_review_menu_item():
    return PermissionMenuItem("Translation review", reverse("content_translation_review"),
                              icon_name="globe", order=250, permission=None)


@hooks.register("register_admin_menu_item")
def feedback_menu_item():
    return PermissionMenuItem("Readers' feedback", reverse("content_feedback_queue"),
                              icon_name="help", order=260, permission=admin_views.FEEDBACK_PERMISSION)
