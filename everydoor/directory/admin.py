from django.contrib import admin
from django.utils import timezone

from everydoor.admin import site

from . import models as m
from .curation import CHECK_EVERY, due_for_checking, mark_checked


class DueForCheckingFilter(admin.SimpleListFilter):
    title = "last checked"
    parameter_name = "checking"

    def lookups(self, request, model_admin):
        return [("due", "Not checked for 6 months (or never)")]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(pk__in=due_for_checking().values("pk"))
        return queryset


class PhoneInline(admin.TabularInline):
    model = m.Phone
    fk_name = "service"
    fields = ["id", "number", "description"]
    extra = 0


class LanguageInline(admin.TabularInline):
    model = m.Language
    fk_name = "service"
    fields = ["id", "code", "name", "note"]
    extra = 0


class ScheduleInline(admin.TabularInline):
    model = m.Schedule
    fk_name = "service"
    fields = ["id", "byday", "opens_at", "closes_at", "description"]
    extra = 0


class AttributeInline(admin.TabularInline):
    model = m.Attribute
    fields = ["id", "taxonomy_term", "value", "label"]
    extra = 0


class TranslationInline(admin.StackedInline):
    model = m.ServiceTranslation
    fields = ["language", "name", "description", "status"]
    extra = 0


@admin.register(m.Service, site=site)
class ServiceAdmin(admin.ModelAdmin):
    """Directory editors keep services true; one not checked for six months is flagged."""

    list_display = ["name", "organization", "status", "assured_date", "needs_checking"]
    list_filter = [DueForCheckingFilter, "status"]
    search_fields = ["name", "organization__name"]
    fields = ["id", "organization", "name", "description", "status", "url", "email", "fees_description",
              "eligibility_description", "minimum_age", "maximum_age", "assured_date"]
    inlines = [PhoneInline, LanguageInline, ScheduleInline, AttributeInline, TranslationInline]
    actions = ["checked_today"]

    @admin.display(boolean=True, description="Needs checking")
    def needs_checking(self, service):
        return service.assured_date is None or service.assured_date < timezone.localdate() - CHECK_EVERY

    @admin.action(description="Mark as checked today")
    def checked_today(self, request, queryset):
        self.message_user(request, f"{mark_checked(queryset)} service(s) marked as checked today.")

    def save_model(self, request, obj, form, change):
        obj.last_modified = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(m.Organization, site=site)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "id"]
    search_fields = ["name"]


@admin.register(m.Location, site=site)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "location_type", "latitude", "longitude"]
    search_fields = ["name", "addresses__postal_code"]


@admin.register(m.TaxonomyTerm, site=site)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ["name", "taxonomy", "id"]
    list_filter = ["taxonomy"]
