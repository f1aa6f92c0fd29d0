"""The people who write, translate and check content, as Django groups with the Wagtail
permissions their work needs and no more."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Locale, Page

CONTENT_EDITORS = "Content editors"
TRANSLATORS = "Translators"
COMMUNITY_REVIEWERS = "Community reviewers"

# (app label, codename) of model permissions per role, and the page permissions it has on
# the whole tree ("tree") or only on the translated guide indexes ("translations").
ROLES = {
    CONTENT_EDITORS: {
        "permissions": [("wagtailadmin", "access_admin"), ("wagtailadmin", "submit_translation"),
                        ("content", "view_clarityfeedback"), ("content", "change_clarityfeedback")],
        "page_permissions": ["add", "change", "publish"],
        "pages": "tree",
    },
    # Translators edit and publish translated pages (in the translation editor, or by
    # uploading a .po file), never the English source; a publication is a draft until a
    # community reviewer approves it.
    TRANSLATORS: {
        "permissions": [("wagtailadmin", "access_admin")],
        "page_permissions": ["change", "publish"],
        "pages": "translations",
    },
    COMMUNITY_REVIEWERS: {
        "permissions": [("wagtailadmin", "access_admin"), ("content", "review_translation")],
        "page_permissions": [],
        "pages": "tree",
    },
}


def ensure_content_roles():
    """Create the groups and give them their permissions; run again after new languages'
    guide indexes exist, so translators can work on them."""
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in role["permissions"]:
            group.permissions.add(_permission(app_label, codename))
        for page in _pages(role["pages"]):
            for permission_type in role["page_permissions"]:
                permission = Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                )
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _pages(scope):
    from .models import GuideIndexPage

    if scope == "tree":
        return [Page.get_first_root_node()]
    return list(GuideIndexPage.objects.exclude(locale=Locale.get_default()))


def _permission(app_label, codename):
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is not None:
        return found
    # wagtail-localize creates "submit_translation" in a data migration, not from a model's
    # Meta, so it is missing from a database that was flushed; make it as that migration does.
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    return Permission.objects.create(content_type=content_type, codename=codename, name="Can submit translations")
