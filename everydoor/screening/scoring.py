"""Scoring rules, exactly as each instrument's authors published them.

Each rule takes the answer weights keyed by item number (1-based, in the published
order) and returns a Score. Rules never diagnose: bands describe symptom severity, and
the words shown to a person come from results.py.
"""

from dataclasses import dataclass, field

SCORING_RULES = {}


@dataclass(frozen=True)
class Score:
    total: int
    maximum: int
    band: str
    subscales: dict = field(default_factory=dict)
    flags: dict = field(default_factory=dict)
    percentage: int | None = None


def scoring_rule(name):
    def register(function):
        SCORING_RULES[name] = function
        return function

    return register


def score(rule_name, weights):
    """Score a complete set of answers with the named rule."""
    return SCORING_RULES[rule_name](weights)


def _band(total, bands):
    for upper, name in bands:
        if total <= upper:
            return name
    raise ValueError(f"total {total} is above every band")


def _sum(weights, items):
    return sum(weights[number] for number in items)


# PHQ-9: items 1-9 scored 0-3, total 0-27. Severity: 0-4 none-minimal, 5-9 mild,
# 10-14 moderate, 15-19 moderately severe, 20-27 severe.
# Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606-613, table 3.
# Item 10 (difficulty) is not scored.
PHQ9_BANDS = [(4, "minimal"), (9, "mild"), (14, "moderate"), (19, "moderately_severe"), (27, "severe")]


@scoring_rule("phq9")
def score_phq9(weights):
    total = _sum(weights, range(1, 10))
    return Score(total=total, maximum=27, band=_band(total, PHQ9_BANDS))


# GAD-7: items 1-7 scored 0-3, total 0-21. Cut-points 5, 10 and 15 for mild, moderate
# and severe anxiety. Spitzer RL et al. Arch Intern Med 2006;166:1092-1097.
GAD7_BANDS = [(4, "minimal"), (9, "mild"), (14, "moderate"), (21, "severe")]


@scoring_rule("gad7")
def score_gad7(weights):
    total = _sum(weights, range(1, 8))
    return Score(total=total, maximum=21, band=_band(total, GAD7_BANDS))


# PHQ-4: items 1-2 are GAD-2 (anxiety), items 3-4 are PHQ-2 (depression), each 0-3.
# Total 0-12: 0-2 normal, 3-5 mild, 6-8 moderate, 9-12 severe psychological distress.
# Each two-item subscale is positive at 3 or more.
# Kroenke K, Spitzer RL, Williams JBW, Löwe B. Psychosomatics 2009;50:613-621.
PHQ4_BANDS = [(2, "normal"), (5, "mild"), (8, "moderate"), (12, "severe")]


@scoring_rule("phq4")
def score_phq4(weights):
    anxiety = _sum(weights, (1, 2))
    depression = _sum(weights, (3, 4))
    total = anxiety + depression
    return Score(
        total=total,
        maximum=12,
        band=_band(total, PHQ4_BANDS),
        subscales={
            "anxiety": {"total": anxiety, "maximum": 6, "positive": anxiety >= 3},
            "depression": {"total": depression, "maximum": 6, "positive": depression >= 3},
        },
    )


# PCL-5: 20 items scored 0-4, total 0-80. A total of 31-33 or more suggests probable
# PTSD; we use 33, the cut-point the National Center for PTSD gives for the
# DSM-5 version (Bovin MJ et al. Psychol Assess 2016;28:1379-1391).
# DSM-5 cluster rule: an item rated 2 ("Moderately") or higher counts as a symptom
# endorsed; provisional PTSD needs at least 1 B item (1-5), 1 C item (6-7),
# 2 D items (8-14) and 2 E items (15-20). Weathers FW et al., PCL-5, 2013.
PCL5_CUTOFF = 33
PCL5_CLUSTERS = {
    "B": (range(1, 6), 1),
    "C": (range(6, 8), 1),
    "D": (range(8, 15), 2),
    "E": (range(15, 21), 2),
}


@scoring_rule("pcl5")
def score_pcl5(weights):
    total = _sum(weights, range(1, 21))
    clusters = {
        name: {"total": _sum(weights, items), "endorsed": sum(1 for n in items if weights[n] >= 2)}
        for name, (items, _needed) in PCL5_CLUSTERS.items()
    }
    meets_dsm5 = all(clusters[name]["endorsed"] >= needed for name, (_i, needed) in PCL5_CLUSTERS.items())
    return Score(
        total=total,
        maximum=80,
        band="above_cutoff" if total >= PCL5_CUTOFF else "below_cutoff",
        subscales=clusters,
        flags={"meets_dsm5_symptom_pattern": meets_dsm5},
    )


# WHO-5: 5 items scored 0-5, raw 0-25, multiplied by 4 for a percentage 0-100.
# A raw score below 13 indicates poor well-being and is an indication for assessing
# depression. Topp CW et al. Psychother Psychosom 2015;84:167-176; WHO-5 (1998).
WHO5_POOR_BELOW = 13


@scoring_rule("who5")
def score_who5(weights):
    raw = _sum(weights, range(1, 6))
    return Score(
        total=raw,
        maximum=25,
        band="low_wellbeing" if raw < WHO5_POOR_BELOW else "wellbeing",
        percentage=raw * 4,
    )


# RHS-15 (Refugee Health Screener): items 1-14 scored 0-4, item 15 a distress
# thermometer 0-10. Positive when items 1-14 total 12 or more, or the thermometer is
# 5 or more. Pathways to Wellness, RHS-15 packet. Its text is not ours to ship: a
# service licensed to use it imports it (manage.py import_questionnaire).
RHS15_ITEMS_CUTOFF = 12
RHS15_THERMOMETER_CUTOFF = 5


@scoring_rule("rhs15")
def score_rhs15(weights):
    items_total = _sum(weights, range(1, 15))
    thermometer = weights[15]
    positive = items_total >= RHS15_ITEMS_CUTOFF or thermometer >= RHS15_THERMOMETER_CUTOFF
    return Score(
        total=items_total,
        maximum=56,
        band="positive" if positive else "negative",
        subscales={"distress_thermometer": {"total": thermometer, "maximum": 10}},
    )
