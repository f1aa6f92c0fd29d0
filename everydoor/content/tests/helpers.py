"""Small helpers for content tests: find starter pages, edit English, sign in a role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from everydoor.content.models import GuidePage
from everydoor.content.roles import ensure_content_roles


def guide(language_code, slug="register-with-a-gp"):
    return GuidePage.objects.get(locale__language_code=language_code, slug=slug)


def publish_english_edit(slug="register-with-a-gp", first_paragraph="<p>A GP is your family doctor.</p>"):
    page = guide("en", slug)
    body = list(page.body.raw_data)
    body[0] = {**body[0], "value": first_paragraph}
    page.body = body
    page.save_revision().publish()
    return page


def person_with_role(role, username=None):
    ensure_content_roles()
    user = get_user_model().objects.create_user(username or role.lower().replace(" ", "-"), password="x")
    user.groups.add(Group.objects.get(name=role))
    return user
