"""Suppression and representation checked against tables and intervals worked by hand."""

import random

import pytest

from everydoor.equity.representation import representation, wilson_interval
from everydoor.equity.suppression import SuppressedTable, _lines, suppress


def test_a_small_count_alone_is_hidden_and_totals_stay():
    table = suppress([[12, 30], [7, 45]])
    assert table == SuppressedTable([[12, 30], [7, 45]], [42, 52], [19, 75], 94)
    assert table.hidden_count() == 0


def test_secondary_suppression_worked_by_hand():
    # Rows are languages, columns the steps of a journey.
    #         A   B   C | total
    # row 1:  3  10  12 |  25     3 is fewer than 5: hidden (primary).
    # row 2:  8  20  15 |  43
    # row 3:  9   6  30 |  45
    # total: 20  36  57 | 113
    # Pass 1, rows then columns: row 1 has one hidden number, so its smallest other count, 10,
    # goes too; column A then has one (3): its smallest other, 8; column B one (10): 6.
    # Pass 2: row 2 has one (8): 15; row 3 one (6): 9; column C one (15): 12.
    # Pass 3: every line has 0, 2 or 3 hidden numbers: stop.
    table = suppress([[3, 10, 12], [8, 20, 15], [9, 6, 30]])
    assert table.cells == [[None, None, None], [None, 20, None], [None, None, 30]]
    assert (table.row_totals, table.column_totals, table.grand_total) == ([25, 43, 45], [20, 36, 57], 113)
    # Seven unknowns, six equations of which one repeats another: none can be worked out.


def test_totals_under_five_are_hidden_and_a_zero_is_shown():
    table = suppress([[2, 0]])
    assert table == SuppressedTable([[None, 0]], [None], [None, 0], None)


def test_a_zero_is_not_used_to_hide_a_small_count_and_totals_are_hidden_instead():
    #         A   B | total
    # row 1:  3   0 |   3     3 and its row total 3 are hidden (primary).
    # row 2: 10  12 |  22
    # total: 13  12 |  25
    # Column A has one hidden (3): its other count, 10, goes. The row totals (3 hidden, 22,
    # grand 25) would give 3 back: the smallest shown one, 22, goes. Then every line has two.
    table = suppress([[3, 0], [10, 12]])
    assert table == SuppressedTable([[None, 0], [None, 12]], [None, None], [13, 12], 25)


@pytest.mark.parametrize("seed", range(40))
def test_no_line_of_any_table_is_left_with_one_hidden_number(seed):
    generator = random.Random(seed)
    rows, columns = generator.randint(1, 6), generator.randint(1, 7)
    counts = [[generator.choice([0, 1, 2, 3, 4, 5, 8, 20, 100]) for _ in range(columns)] for _ in range(rows)]
    table = suppress(counts)
    shown = {("cell", r, c): table.cells[r][c] for r in range(rows) for c in range(columns)}
    shown.update({("row", r): table.row_totals[r] for r in range(rows)})
    shown.update({("column", c): table.column_totals[c] for c in range(columns)})
    shown[("grand",)] = table.grand_total
    for parts, total in _lines(rows, columns):
        assert sum(shown[place] is None for place in [*parts, total]) != 1
    for r in range(rows):
        for c in range(columns):
            assert shown[("cell", r, c)] in (None, counts[r][c])
            if 0 < counts[r][c] < 5:
                assert shown[("cell", r, c)] is None


def test_the_wilson_interval_matches_a_hand_calculation():
    # 30 of 200: p = 0.15; z = 1.96; centre (0.15 + 3.8415/400) / (1 + 3.8415/200) = 0.15660;
    # half width 1.96 * sqrt(0.15 * 0.85 / 200 + 3.8415/160000) / 1.019207 = 0.04946.
    lower, upper = wilson_interval(30, 200)
    assert lower == pytest.approx(0.10714, abs=1e-5) and upper == pytest.approx(0.20606, abs=1e-5)
    assert wilson_interval(0, 50)[0] == pytest.approx(0.0, abs=1e-12)


def test_representation_against_a_reference_share():
    # 15% of the people reached, against 10% of the area's population: 1.5 (1.07 to 2.06).
    found = representation(30, 200, 0.10)
    assert (round(found.ratio, 2), round(found.lower, 2), round(found.upper, 2)) == (1.5, 1.07, 2.06)
    assert representation(3, 200, 0.10) is None  # 3 people: hidden, as in the tables
    assert representation(0, 200, 0.10).ratio == 0
    assert representation(30, 200, 0) is None
