"""The Open Referral UK read API (`/openreferral/...`): JSON, with the standard's paging
envelope. Parameters that cannot be understood get a 400 with a message, never a 500."""

from django.db.models import Q
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_safe

from . import models as m
from .feed import location_document, service_document, term_document
from .location import in_order, services_near

API_VERSION = "HSDS-UK-3.0"
PROFILE = "https://openreferraluk.org/"
MAX_PER_PAGE = 100


class BadParameter(ValueError):
    pass


def api_view(view):
    @require_safe
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameter as problem:
            return JsonResponse({"error": str(problem)}, status=400)
        except Http404 as missing:
            return JsonResponse({"error": str(missing) or "not found"}, status=404)

    return wrapped


@api_view
def root(request):
    return JsonResponse({"version": API_VERSION, "profile": PROFILE, "openapi_url": None})


@api_view
def services(request):
    found = _filtered_services(request.GET)
    return JsonResponse(_page(request.GET, found, _each(service_document)))


@api_view
def service(request, service_id):
    found = _service_queryset().filter(pk=service_id).first()
    if found is None:
        raise Http404(f"no service {service_id}")
    return JsonResponse(service_document(found))


@api_view
def service_at_locations(request):
    services_found = _filtered_services(request.GET)
    postcode = request.GET.get("postcode", "").strip()
    places = m.ServiceAtLocation.objects.filter(service__in=services_found).select_related("service", "location")
    if postcode:
        proximity = _number(request.GET, "proximity", default=None)
        entries = m.SearchEntry.objects.filter(service__in=services_found)
        ranked = services_near(entries, postcode, proximity_metres=proximity)
        documents = _each(_at_location_document)
        return JsonResponse(_page(request.GET, ranked, lambda pairs: documents(in_order(places, pairs))))
    return JsonResponse(_page(request.GET, places.order_by("id"), _each(_at_location_document)))


@api_view
def taxonomies(request):
    names = sorted(set(m.TaxonomyTerm.objects.exclude(taxonomy="").values_list("taxonomy", flat=True)))
    return JsonResponse(_page(request.GET, names, _each(lambda name: {"id": name, "name": name, "description": name})))


@api_view
def taxonomy_terms(request):
    terms = m.TaxonomyTerm.objects.order_by("id")
    if request.GET.get("taxonomy_id"):
        terms = terms.filter(taxonomy=request.GET["taxonomy_id"])
    return JsonResponse(_page(request.GET, terms, _each(term_document)))


def _service_queryset():
    return m.Service.objects.select_related("organization")


def _filtered_services(params):
    found = _service_queryset().order_by("id")
    if params.get("search"):
        found = found.filter(Q(name__icontains=params["search"]) | Q(description__icontains=params["search"]))
    if params.get("taxonomy_term_id"):
        found = found.filter(attributes__taxonomy_term_id=params["taxonomy_term_id"])
    if params.get("taxonomy_id"):
        found = found.filter(attributes__taxonomy_term__taxonomy=params["taxonomy_id"])
    age = _number(params, "minimum_age", default=None)
    if age is not None:
        found = found.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=age))
    age = _number(params, "maximum_age", default=None)
    if age is not None:
        found = found.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age))
    return found.distinct()


def _at_location_document(place):
    document = {"id": place.id, "service_id": place.service_id, "location_id": place.location_id,
                "service": {"id": place.service.id, "name": place.service.name, "status": place.service.status},
                "location": location_document(place.location)}
    if place.description:
        document["description"] = place.description
    if getattr(place, "distance_metres", None) is not None:
        document["distance"] = round(place.distance_metres)
    return {**document, **place.extra}


def _each(to_document):
    return lambda items: [to_document(item) for item in items]


def _page(params, items, to_documents):
    """One page of `items` in the standard's envelope; `to_documents` turns that page's items
    into documents all at once, so rows a page needs can be loaded together."""
    page_number = _number(params, "page", default=1, smallest=1)
    size = min(_number(params, "per_page", default=50, smallest=1), MAX_PER_PAGE)
    total = len(items) if isinstance(items, list) else items.count()
    total_pages = max(1, -(-total // size))
    start = (page_number - 1) * size
    contents = to_documents(items[start:start + size])
    return {"total_items": total, "total_pages": total_pages, "page_number": page_number, "size": size,
            "first_page": page_number == 1, "last_page": page_number >= total_pages,
            "empty": not contents, "contents": contents}


def _number(params, name, default, smallest=0):
    raw = params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a whole number") from None
    if value < smallest:
        raise BadParameter(f"{name} must be at least {smallest}")
    return value


