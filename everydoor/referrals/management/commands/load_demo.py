import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from everydoor.accounts.roles import ADMINISTRATORS, HELPERS, SERVICE_MANAGERS, SERVICE_STAFF, SUPERVISORS
from everydoor.content.roles import COMMUNITY_REVIEWERS, CONTENT_EDITORS, TRANSLATORS, ensure_content_roles
from everydoor.directory.curation import DIRECTORY_EDITORS
from everydoor.directory.feed import import_services
from everydoor.directory.postcodes import load_postcodes
from everydoor.helpers.models import HelperProfile
from everydoor.referrals.models import Service

DEMO_SERVICES = Path(__file__).resolve().parents[2] / "data" / "demo_services.json"
DEMO_DIRECTORY = Path(__file__).resolve().parents[3] / "directory" / "data" / "demo_feed.json"
COMMUNITY_WORKER = "community"
# Demo people and their roles (accounts/roles.py). Each password is demo-<username>; each
# sets up an authenticator app at first sign-in, as real staff do.
DEMO_PEOPLE = {"editor": CONTENT_EDITORS, "translator": TRANSLATORS, "reviewer": COMMUNITY_REVIEWERS,
               "supervisor": SUPERVISORS, "directory": DIRECTORY_EDITORS, "manager": SERVICE_MANAGERS,
               "admin": ADMINISTRATORS}


class Command(BaseCommand):
    help = "Load made-up services and staff accounts for the demo (DEBUG only). Safe to run again."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts have known passwords: load_demo runs only with DEBUG=1.")
        for entry in json.loads(DEMO_SERVICES.read_text(encoding="utf-8"))["services"]:
            username = entry.pop("staff_username")
            service, _created = Service.objects.update_or_create(name=entry["name"], defaults=entry)
            staff = self._demo_user(username)
            service.staff.add(staff)
            staff.groups.add(Group.objects.get(name=SERVICE_STAFF))
        ensure_content_roles()
        import_services(json.loads(DEMO_DIRECTORY.read_text(encoding="utf-8"))["services"])
        load_postcodes(DEMO_DIRECTORY.with_name("demo_postcodes.csv"))
        worker = self._demo_user(COMMUNITY_WORKER)
        worker.groups.add(Group.objects.get(name=HELPERS))
        HelperProfile.objects.get_or_create(user=worker, defaults={"languages": ["ar", "fa", "en"]})
        for username, role in DEMO_PEOPLE.items():
            self._demo_user(username).groups.add(Group.objects.get(name=role))
        self.stdout.write("Demo loaded. Staff sign in at /staff/ (password demo-<username>, then an authenticator "
                          "app set up at first sign-in): community (helper) and supervisor see the caseload; "
                          "riverside, hillside and fellside their service's referrals; editor, translator and "
                          "reviewer the guides; directory, manager and admin the staff admin.")

    def _demo_user(self, username):
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_password(f"demo-{username}")
            user.save()
        return user
