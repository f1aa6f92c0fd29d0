import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

from everydoor.content.roles import COMMUNITY_REVIEWERS, CONTENT_EDITORS, TRANSLATORS, ensure_content_roles
from everydoor.directory.feed import import_services
from everydoor.directory.postcodes import load_postcodes
from everydoor.referrals.models import Service

DEMO_SERVICES = Path(__file__).resolve().parents[2] / "data" / "demo_services.json"
DEMO_DIRECTORY = Path(__file__).resolve().parents[3] / "directory" / "data" / "demo_feed.json"
COMMUNITY_WORKER = "community"
DEMO_CONTENT_PEOPLE = {"editor": CONTENT_EDITORS, "translator": TRANSLATORS, "reviewer": COMMUNITY_REVIEWERS}


class Command(BaseCommand):
    help = "Load made-up services and staff accounts for the demo (DEBUG only). Safe to run again."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts have known passwords: load_demo runs only with DEBUG=1.")
        for entry in json.loads(DEMO_SERVICES.read_text(encoding="utf-8"))["services"]:
            username = entry.pop("staff_username")
            service, _created = Service.objects.update_or_create(name=entry["name"], defaults=entry)
            service.staff.add(self._demo_user(username))
        ensure_content_roles()
        import_services(json.loads(DEMO_DIRECTORY.read_text(encoding="utf-8"))["services"])
        load_postcodes(DEMO_DIRECTORY.with_name("demo_postcodes.csv"))
        worker = self._demo_user(COMMUNITY_WORKER)
        worker.user_permissions.add(Permission.objects.get(codename="work_community_queue"))
        for username, role in DEMO_CONTENT_PEOPLE.items():
            self._demo_user(username).groups.add(Group.objects.get(name=role))
        administrator = self._demo_user("admin")
        administrator.is_staff = administrator.is_superuser = True
        administrator.save()
        self.stdout.write("Demo services loaded. Staff sign in at /staff/login/ as riverside, hillside, fellside "
                          "or community, and the administrator at /staff/admin/ as admin; guides are edited "
                          "at /staff/cms/ by editor, translator and reviewer; each password is demo-<username>.")

    def _demo_user(self, username):
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_password(f"demo-{username}")
            user.save()
        return user
