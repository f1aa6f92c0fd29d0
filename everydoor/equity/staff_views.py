"""The service managers' equity dashboard: who EveryDoor reaches and where people drop out,
from the summary, with small numbers hidden."""

import csv
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from everydoor.privacy.referrer import referrer_policy_for_forms

from . import charts, dashboard
from .reference import save_reference_population
from .staff_forms import DashboardFilterForm, ReferenceUploadForm
from .summary import last_refresh
from .tasks import refresh_equity_summary


def managers_only(view):
    """Signed-in service managers; the pages post forms (see privacy/referrer.py)."""

    @login_required
    @referrer_policy_for_forms
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("equity.view_equity_dashboard"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_safe
@managers_only
def equity_dashboard(request):
    form = DashboardFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "equity/dashboard.html", {"form": form}, status=400)
    return render(request, "equity/dashboard.html", {"form": form, **_figures(form), "refresh": last_refresh()})


def _figures(form):
    filters = dashboard.Filters(start=form.cleaned_data["start"], end=form.cleaned_data["end"],
                                area=form.cleaned_data["area"])
    dimension, step = form.cleaned_data["dimension"], form.cleaned_data["step"]
    overall, by_dimension = dashboard.funnel("all", filters), dashboard.funnel(dimension, filters)
    by_language, weekly = dashboard.funnel("language", filters), dashboard.trend(filters)
    population = form.chosen_population()
    represented = dashboard.representation_table(population, filters) if population else None
    return {
        "overall": overall, "overall_chart": charts.bars(list(zip(overall.columns, overall.totals, strict=False))),
        "by_dimension": by_dimension, "dimension_name": dashboard.DIMENSION_NAMES[dimension],
        "step_name": dashboard.STEP_NAMES[step],
        "conversion_chart": charts.bars(dashboard.conversion(by_dimension, step), as_percent=True),
        "by_channel": dashboard.funnel("channel", filters),
        "by_language": by_language, "language_drop_off": dashboard.drop_off(by_language),
        "weekly": weekly, "weekly_chart": charts.lines(
            [row[1] for row in weekly.rows],
            [(name, [row[2][index] for row in weekly.rows]) for index, name in enumerate(weekly.columns)]),
        "population": population, "represented": represented,
        "representation_chart": represented and charts.intervals([(row.label, row.result) for row in represented]),
        "steps": dashboard.STEP_NAMES,
    }


@require_safe
@managers_only
def equity_export(request):
    """Every table on the dashboard, as asked for, in one long CSV: hidden counts are empty."""
    form = DashboardFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "equity/dashboard.html", {"form": form}, status=400)
    figures = _figures(form)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="everydoor-equity.csv"'
    writer = csv.writer(response)
    writer.writerow(["table", "group", "step", "journeys"])
    tables = [("funnel", figures["overall"]), (f"funnel by {form.cleaned_data['dimension']}", figures["by_dimension"]),
              ("funnel by channel", figures["by_channel"]), ("funnel by language", figures["by_language"]),
              ("weekly", figures["weekly"])]
    for name, table in tables:
        for label, _key, cells in table.rows:
            for column, cell in zip(table.columns, cells, strict=True):
                writer.writerow([name, str(label), str(column), "" if cell is None else cell])
    for row in figures["represented"] or []:
        result = row.result
        writer.writerow(["representation", row.label, f"ratio (reference share {row.reference_share:.4f})",
                         "" if result is None else f"{result.ratio:.3f} ({result.lower:.3f}-{result.upper:.3f})"])
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@managers_only
def upload_reference(request):
    form = ReferenceUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        save_reference_population(form.cleaned_data, request.user)
        return redirect("equity-dashboard")
    return render(request, "equity/upload_reference.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@managers_only
def refresh_now(request):
    refresh_equity_summary.enqueue()
    return redirect(reverse("equity-dashboard") + "?refreshing=1")
