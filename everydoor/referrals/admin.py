from django.contrib import admin
from django.db import models

from everydoor.admin import site

from .models import Service


@admin.register(Service, site=site)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "delivery", "min_age", "max_age", "requires_gp_registration", "books_interpreters"]
    filter_horizontal = ["staff"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # intake addresses are HTTPS
    fieldsets = [
        (None, {"fields": ["name"]}),
        ("Who the service takes", {"fields": ["catchment_districts", "min_age", "max_age",
                                              "requires_gp_registration"]}),
        ("Languages", {"fields": ["staff_languages", "books_interpreters"]}),
        ("How referrals reach it", {"fields": ["delivery", "intake_email", "intake_webhook_url",
                                               "webhook_secret"]}),
        ("Staff who see its referrals", {"fields": ["staff"]}),
    ]
