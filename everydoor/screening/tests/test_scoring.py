"""Every band boundary of every scoring rule, and properties over all answer sets."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from everydoor.screening.scoring import score


def answers(values):
    return {number: value for number, value in enumerate(values, 1)}


def spread(total, items, top):
    """Answers for `items` items (each 0..top) adding up to `total`."""
    values = []
    for _ in range(items):
        values.append(min(top, total - sum(values)))
    return answers(values)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately_severe"),
        (19, "moderately_severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_bands_match_kroenke_2001(total, band):
    result = score("phq9", spread(total, 9, 3))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_bands_match_spitzer_2006(total, band):
    result = score("gad7", spread(total, 7, 3))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "normal"),
        (2, "normal"),
        (3, "mild"),
        (5, "mild"),
        (6, "moderate"),
        (8, "moderate"),
        (9, "severe"),
        (12, "severe"),
    ],
)
def test_phq4_bands_match_kroenke_2009(total, band):
    assert score("phq4", spread(total, 4, 3)).band == band


@pytest.mark.parametrize(
    ("values", "anxiety_positive", "depression_positive"),
    [
        ((1, 1, 1, 1), False, False),
        ((2, 1, 0, 0), True, False),
        ((0, 0, 3, 0), False, True),
        ((1, 2, 2, 1), True, True),
    ],
)
def test_phq4_subscales_are_positive_at_3(values, anxiety_positive, depression_positive):
    result = score("phq4", answers(values))
    assert result.subscales["anxiety"]["positive"] is anxiety_positive
    assert result.subscales["depression"]["positive"] is depression_positive


@pytest.mark.parametrize(
    ("total", "band"), [(0, "below_cutoff"), (32, "below_cutoff"), (33, "above_cutoff"), (80, "above_cutoff")]
)
def test_pcl5_cutoff_is_33(total, band):
    assert score("pcl5", spread(total, 20, 4)).band == band


def test_pcl5_dsm5_rule_needs_one_b_one_c_two_d_two_e_items_at_moderately_or_more():
    values = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]
    assert score("pcl5", answers(values)).flags["meets_dsm5_symptom_pattern"] is True


@pytest.mark.parametrize("lowered", [0, 5, 7, 8, 14, 15])
def test_pcl5_dsm5_rule_fails_when_any_cluster_falls_short(lowered):
    values = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]
    values[lowered] = 1  # "A little bit" does not count as endorsed
    assert score("pcl5", answers(values)).flags["meets_dsm5_symptom_pattern"] is False


@pytest.mark.parametrize(
    ("raw", "percentage", "band"),
    [(0, 0, "low_wellbeing"), (12, 48, "low_wellbeing"), (13, 52, "wellbeing"), (25, 100, "wellbeing")],
)
def test_who5_percentage_is_raw_times_4_and_low_below_13(raw, percentage, band):
    result = score("who5", spread(raw, 5, 5))
    assert (result.percentage, result.band) == (percentage, band)


@pytest.mark.parametrize(
    ("items_total", "thermometer", "band"),
    [(11, 4, "negative"), (12, 0, "positive"), (0, 5, "positive"), (0, 4, "negative"), (56, 10, "positive")],
)
def test_rhs15_is_positive_at_12_on_items_or_5_on_the_thermometer(items_total, thermometer, band):
    weights = spread(items_total, 14, 4)
    weights[15] = thermometer
    assert score("rhs15", weights).band == band


RULES = {"phq9": (9, 3), "gad7": (7, 3), "phq4": (4, 3), "pcl5": (20, 4), "who5": (5, 5)}


@pytest.mark.parametrize("rule", RULES)
@given(data=st.data())
def test_every_answer_set_scores_the_sum_within_range_and_one_band(rule, data):
    items, top = RULES[rule]
    values = data.draw(st.lists(st.integers(0, top), min_size=items, max_size=items))
    result = score(rule, answers(values))
    assert result.total == sum(values)
    assert 0 <= result.total <= result.maximum == items * top
    assert isinstance(result.band, str)


@pytest.mark.parametrize("rule", RULES)
@given(data=st.data())
def test_a_higher_answer_never_lowers_the_total(rule, data):
    items, top = RULES[rule]
    values = data.draw(st.lists(st.integers(0, top - 1), min_size=items, max_size=items))
    raised = list(values)
    raised[data.draw(st.integers(0, items - 1))] += 1
    assert score(rule, answers(raised)).total == score(rule, answers(values)).total + 1


@given(st.lists(st.integers(0, 3), min_size=9, max_size=9))
def test_phq9_band_follows_the_published_cut_points_for_every_answer_set(values):
    total = sum(values)
    expected = ["minimal", "mild", "moderate", "moderately_severe", "severe"][min(total // 5, 4)]
    assert score("phq9", answers(values)).band == expected


@given(st.lists(st.integers(0, 4), min_size=20, max_size=20))
def test_pcl5_dsm5_rule_matches_its_definition_for_every_answer_set(values):
    endorsed = [value >= 2 for value in values]
    expected = (
        sum(endorsed[0:5]) >= 1 and sum(endorsed[5:7]) >= 1 and sum(endorsed[7:14]) >= 2 and sum(endorsed[14:20]) >= 2
    )
    assert score("pcl5", answers(values)).flags["meets_dsm5_symptom_pattern"] is expected
