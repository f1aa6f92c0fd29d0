"""What the service managers' dashboard shows, read from the summary (summary.py) and with
small numbers suppressed before anything leaves this module (suppression.py)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from everydoor.languages.registry import all_languages

from . import markers
from .models import JourneyEvent, ReferencePopulation, StepCount
from .representation import representation
from .suppression import suppress

STEPS = list(JourneyEvent.Step)
NOT_GIVEN = _("Not given")

DIMENSION_NAMES = {
    "channel": _("Channel"), "language": _("Language used"), "age_band": _("Age"), "gender": _("Gender"),
    "ethnicity": _("Ethnic group"), "country_of_birth": _("Country of birth"),
    "migration_situation": _("Migration situation"), "time_in_uk": _("Time in the UK"),
    "main_language": _("Main language"), "disability": _("Disability"),
}
CHANNEL_NAMES = {"web": _("Web"), "sms": _("SMS"), "whatsapp": _("WhatsApp"), "voice": _("Phone call"),
                 "assisted": _("With a helper"), "paper": _("Paper form")}
STEP_NAMES = {
    JourneyEvent.Step.VISITED: _("Visited"), JourneyEvent.Step.CHOSE_LANGUAGE: _("Chose a language"),
    JourneyEvent.Step.STARTED_QUESTIONNAIRE: _("Started a questionnaire"),
    JourneyEvent.Step.COMPLETED_QUESTIONNAIRE: _("Completed a questionnaire"),
    JourneyEvent.Step.SAW_RESULT: _("Saw a result"), JourneyEvent.Step.REACHED_CRISIS_HELP: _("Reached crisis help"),
    JourneyEvent.Step.ASKED_FOR_CALLBACK: _("Asked for a call back"), JourneyEvent.Step.REFERRED: _("Referred"),
    JourneyEvent.Step.REFERRAL_ACCEPTED: _("Referral accepted"),
    JourneyEvent.Step.FIRST_CONTACT: _("First contact"),
}


def value_names(dimension):
    """Display names for a dimension's stored values."""
    if dimension == "channel":
        return CHANNEL_NAMES
    if dimension in ("language", "main_language"):
        names = {language.code: language.name for language in all_languages()}
        return {**names, "other": _("Another language"), "prefer_not": markers.PREFER_NOT_TO_SAY[1]}
    choices = {
        "age_band": markers.AGE_BANDS, "gender": markers.GENDERS,
        "ethnicity": markers.flat_choices(markers.ETHNIC_GROUPS),
        "migration_situation": markers.MIGRATION_SITUATIONS, "time_in_uk": markers.TIME_IN_UK,
        "disability": markers.YES_NO,
    }.get(dimension, [markers.PREFER_NOT_TO_SAY])
    return dict(choices)


def value_name(dimension, value, names=None):
    """`names`: the dimension's value_names, when the caller has them already."""
    if value == "":
        return NOT_GIVEN
    return (names if names is not None else value_names(dimension)).get(value, value)


@dataclass(frozen=True)
class Filters:
    start: datetime.date
    end: datetime.date
    area: str = ""  # a postcode area ("E", "SW"); blank for everywhere

    def counts(self, dimension):
        rows = StepCount.objects.filter(dimension=dimension, week__gte=_monday(self.start), week__lte=self.end)
        return rows.filter(postcode_area=self.area) if self.area else rows


def _monday(day):
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class Table:
    """A suppressed table: rows (label, value key, cells) under step or week columns, with
    the totals line; `hidden` counts the cells that could not be shown."""

    columns: list
    rows: list = field(default_factory=list)
    totals: list = field(default_factory=list)
    hidden: int = 0


def funnel(dimension, filters):
    """Journeys reaching each step, by the values of `dimension` ("all" for one line)."""
    sums = filters.counts(dimension).values("value", "step").annotate(n=Sum("journeys"))
    by_value = {}
    for row in sums:
        by_value.setdefault(row["value"], {})[row["step"]] = row["n"]
    names = value_names(dimension)
    labels = {value: value_name(dimension, value, names) for value in by_value}
    values = sorted(by_value, key=lambda value: (value == "", str(labels[value])))
    counts = [[by_value[value].get(step.value, 0) for step in STEPS] for value in values]
    return _table([STEP_NAMES[step] for step in STEPS], [labels[value] for value in values], values, counts)


def trend(filters):
    """Journeys reaching each step, week by week."""
    sums = filters.counts("all").values("week", "step").annotate(n=Sum("journeys"))
    by_week = {}
    for row in sums:
        by_week.setdefault(row["week"], {})[row["step"]] = row["n"]
    weeks = sorted(by_week)
    counts = [[by_week[week].get(step.value, 0) for step in STEPS] for week in weeks]
    return _table([STEP_NAMES[step] for step in STEPS], weeks, weeks, counts)


def _table(columns, labels, keys, counts):
    if not counts:
        return Table(columns=columns)
    suppressed = suppress(counts)
    rows = [(label, key, cells) for label, key, cells in zip(labels, keys, suppressed.cells, strict=True)]
    return Table(columns=columns, rows=rows, totals=suppressed.column_totals, hidden=suppressed.hidden_count())


def drop_off(table):
    """For each row of a funnel table, the share of people at one step who reached the next
    (None where either count is hidden or there was nobody)."""
    result = []
    for label, key, cells in table.rows:
        shares = [None if before in (None, 0) or after is None else after / before
                  for before, after in zip(cells, cells[1:], strict=False)]
        result.append((label, key, shares))
    return result


@dataclass(frozen=True)
class RepresentationRow:
    label: str
    reached: object  # None when hidden
    reference_share: float
    result: object  # a Representation, or None when hidden


def representation_table(population, filters, step=JourneyEvent.Step.VISITED):
    """Each group in the reference population: how many people in it we reached (at `step`),
    and the ratio of their share of those reached to their share of the population. People
    who did not say, or preferred not to, are left out of both counts."""
    reached = dict(filters.counts(population.marker).filter(step=step).exclude(value__in=["", "prefer_not"])
                   .values_list("value").annotate(n=Sum("journeys")))
    shares = list(population.shares.order_by("value"))
    names = value_names(population.marker)
    counts = [[reached.get(share.value, 0)] for share in shares]
    # Only the groups the reference lists, so both shares are of the same whole.
    all_reached = sum(row[0] for row in counts)
    shown = suppress(counts).cells if counts else []
    return [
        RepresentationRow(label=value_name(population.marker, share.value, names), reached=cells[0],
                          reference_share=share.share,
                          result=None if cells[0] is None else representation(cells[0], all_reached, share.share))
        for share, cells in zip(shares, shown, strict=True)
    ]


def postcode_areas():
    # The totals' rows name every area, and the index finds them without reading the rest.
    return list(StepCount.objects.filter(dimension="all").exclude(postcode_area="").order_by("postcode_area")
                .values_list("postcode_area", flat=True).distinct())


def reference_populations():
    return ReferencePopulation.objects.all()


def conversion(table, step):
    """For each row of a funnel table: of those who visited, the share who reached `step`
    (None when either count is hidden)."""
    first, reached = 0, [s.value for s in STEPS].index(step)
    return [(label, None if cells[first] in (None, 0) or cells[reached] is None else cells[reached] / cells[first])
            for label, _key, cells in table.rows]
