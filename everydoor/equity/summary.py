"""The summary the dashboard reads: journey events counted by week, postcode area, marker and
step, rebuilt in the database in one statement.

A journey counts once per step, in the week it first reached that step (a person who saw
their result on two days is one person who saw a result). Its markers are those in its
equity profile, if it has one; each event is counted once under every dimension, so any
one dimension's values add up to the total.
"""

import time

from django.db import connection, transaction

from .models import EquityProfile, JourneyEvent, StepCount, SummaryRefresh

# The dimensions the dashboard can break the funnel down by: the event's own channel and
# language, then the markers a person chose to give (blank where they gave none).
EVENT_DIMENSIONS = ["channel", "language"]
MARKER_DIMENSIONS = ["age_band", "gender", "ethnicity", "country_of_birth", "migration_situation", "time_in_uk",
                     "main_language", "disability"]
DIMENSIONS = ["all", *EVENT_DIMENSIONS, *MARKER_DIMENSIONS]


def _week_start(column):
    """SQL for the Monday of the week `column` (a date) falls in."""
    if connection.vendor == "postgresql":
        return f"CAST(date_trunc('week', {column}) AS date)"
    return f"date({column}, 'weekday 0', '-6 days')"


def _postcode_area(column):
    """SQL for the letters at the start of a postcode district: "SW" from "SW1A", "E" from "E15"."""
    if connection.vendor == "postgresql":
        return f"substring({column} from '^[A-Z]+')"
    # SQLite has no regular expressions built in; districts start with one or two letters.
    return (f"CASE WHEN substr({column}, 2, 1) BETWEEN 'A' AND 'Z' "
            f"THEN substr({column}, 1, 2) ELSE substr({column}, 1, 1) END")


def _refresh_sql():
    events, profiles, counts = (JourneyEvent._meta.db_table, EquityProfile._meta.db_table, StepCount._meta.db_table)
    names = " UNION ALL ".join(f"SELECT '{name}' AS name" for name in DIMENSIONS)
    value = "CASE d.name WHEN 'all' THEN '' " + " ".join(
        f"WHEN '{name}' THEN f.{name}" for name in EVENT_DIMENSIONS) + " " + " ".join(
        f"WHEN '{name}' THEN COALESCE(p.{name}, '')" for name in MARKER_DIMENSIONS) + " END"
    return f"""
        INSERT INTO {counts} (week, postcode_area, dimension, value, step, journeys)
        SELECT f.week, COALESCE({_postcode_area('p.postcode_district')}, ''), d.name, {value}, f.step, COUNT(*)
        FROM (
            SELECT journey, step, channel, language, {_week_start('occurred_on')} AS week
            FROM (
                SELECT journey, step, channel, language, occurred_on,
                       ROW_NUMBER() OVER (PARTITION BY journey, step ORDER BY occurred_on) AS nth
                FROM {events}
            ) numbered
            WHERE nth = 1
        ) f
        LEFT JOIN {profiles} p ON p.journey = f.journey
        CROSS JOIN ({names}) d
        GROUP BY 1, 2, 3, 4, 5
    """


def refresh_step_counts():
    """Rebuild the summary from every journey event. Readers see the old summary until the
    new one is complete (one transaction)."""
    started = time.perf_counter()
    with transaction.atomic():
        StepCount.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(_refresh_sql())
        counted = JourneyEvent.objects.count()
        refresh = SummaryRefresh.objects.create(events_counted=counted, seconds_taken=time.perf_counter() - started)
    if connection.vendor == "postgresql":
        # VACUUM marks the new rows visible to index-only scans; it cannot run inside a
        # transaction (as in tests), where ANALYZE alone keeps the planner right.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} {StepCount._meta.db_table}")
    return refresh


def last_refresh():
    return SummaryRefresh.objects.order_by("-finished_at").first()
