from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .checks import overall_status


@never_cache
@require_safe
def healthz(request):
    """JSON for load balancers and monitoring.

    503 only when the database is unreachable: a web process without its database
    cannot serve anyone. A stalled task queue is reported as "degraded" with 200, since
    taking web processes out of service would not bring the workers back.
    """
    report = overall_status()
    return JsonResponse(report, status=503 if report["status"] == "down" else 200)
