"""Keeping the directory true: who may edit it, and which services are due a check."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils import timezone

from .models import Service

DIRECTORY_EDITORS = "Directory editors"
CHECK_EVERY = datetime.timedelta(days=183)  # about six months
EDITED_MODELS = ["organization", "service", "location", "address", "serviceatlocation", "contact", "phone",
                 "schedule", "costoption", "servicearea", "language", "attribute", "taxonomyterm",
                 "servicetranslation"]


def ensure_directory_editors():
    group, _created = Group.objects.get_or_create(name=DIRECTORY_EDITORS)
    models = "|".join(EDITED_MODELS)
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="directory", codename__regex=rf"^(add|change|view|delete)_({models})$"
    ))
    return group


def due_for_checking(today=None):
    """Services never checked, or last checked more than about six months ago."""
    today = today or timezone.localdate()
    return Service.objects.filter(Q(assured_date__isnull=True) | Q(assured_date__lt=today - CHECK_EVERY))


def mark_checked(services, today=None):
    return services.update(assured_date=today or timezone.localdate(), last_modified=timezone.now())
