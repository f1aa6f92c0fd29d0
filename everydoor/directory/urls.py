from django.urls import path

from . import api

# The Open Referral UK read API, outside the language prefixes: data, not pages.
urlpatterns = [
    path("", api.root, name="openreferral-root"),
    path("services", api.services, name="openreferral-services"),
    path("services/<str:service_id>", api.service, name="openreferral-service"),
    path("service_at_locations", api.service_at_locations, name="openreferral-service-at-locations"),
    path("taxonomies", api.taxonomies, name="openreferral-taxonomies"),
    path("taxonomy_terms", api.taxonomy_terms, name="openreferral-taxonomy-terms"),
]
