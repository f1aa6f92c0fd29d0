"""The people who write, translate and check content, as Django groups with the Wagtail
permissions their work needs and no more."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Page

CONTENT_EDITORS = "Content editors"
TRANSLATORS = "Translators"
COMMUNITY_REVIEWERS = "Community reviewers"

# (app label, codename) of model permissions per role, and page permissions on the whole tree.
ROLES = {
    CONTENT_EDITORS: {
        "permissions": [("wagtailadmin", "access_admin"), ("wagtailadmin", "submit_translation"),
                        ("content", "view_clarityfeedback"), ("content", "change_clarityfeedback")],
        "page_permissions": ["add", "change", "publish"],
    },
    # Translators edit and publish translated pages (in the translation editor, or by
    # uploading a .po file); a publication is a draft until a community reviewer approves it.
    TRANSLATORS: {
        "permissions": [("wagtailadmin", "access_admin")],
        "page_permissions": ["change", "publish"],
    },
    COMMUNITY_REVIEWERS: {
        "permissions": [("wagtailadmin", "access_admin"), ("content", "review_translation")],
        "page_permissions": [],
    },
}


def ensure_content_roles():
    root = Page.get_first_root_node()
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in role["permissions"]:
            group.permissions.add(_permission(app_label, codename))
        for permission_type in role["page_permissions"]:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _permission(app_label, codename):
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is not None:
        return found
    # wagtail-localize creates "submit_translation" in a data migration, not from a model's
    # Meta, so it is missing from a database that was flushed; make it as that migration does.
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    return Permission.objects.create(content_type=content_type, codename=codename, name="Can submit translations")
