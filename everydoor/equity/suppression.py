"""Small-number suppression for the equity dashboard's tables.

A count of 1 to 4 people is hidden, as is any total under 5 (primary suppression). A zero
is shown: it describes nobody. Then secondary suppression: every shown total is the sum of
its line, so a line (a row or a column, with its total, or the totals with the grand total)
holding exactly one hidden number would let anyone work that number out by subtraction.
Each such line gets one more number hidden: its smallest shown count that is not zero (a
zero as the companion would still pin the small count down), else its total. This repeats
until no line has exactly one hidden number, so nothing hidden can be worked out from the
table alone.
"""

from dataclasses import dataclass

SMALLEST_SHOWN = 5


@dataclass(frozen=True)
class SuppressedTable:
    """Counts with None where hidden; totals alongside, hidden the same way."""

    cells: list
    row_totals: list
    column_totals: list
    grand_total: object

    def hidden_count(self):
        values = [*sum(self.cells, []), *self.row_totals, *self.column_totals, self.grand_total]
        return sum(value is None for value in values)


def suppress(counts, smallest_shown=SMALLEST_SHOWN):
    """`counts` is a list of rows of whole numbers (every row the same length)."""
    rows, columns = len(counts), len(counts[0]) if counts else 0
    # Every number in the table keyed by its place: ("cell", r, c), ("row", r), ("column", c), ("grand",).
    values = {("cell", r, c): counts[r][c] for r in range(rows) for c in range(columns)}
    values.update({("row", r): sum(counts[r]) for r in range(rows)})
    values.update({("column", c): sum(counts[r][c] for r in range(rows)) for c in range(columns)})
    values[("grand",)] = sum(values[("row", r)] for r in range(rows))

    hidden = {place for place, value in values.items() if 0 < value < smallest_shown}
    lines = _lines(rows, columns)
    changed = True
    while changed:
        changed = False
        for parts, total in lines:
            members = [*parts, total]
            if sum(place in hidden for place in members) != 1:
                continue
            hidden.add(_companion(parts, total, values, hidden))
            changed = True

    def shown(place):
        return None if place in hidden else values[place]

    return SuppressedTable(
        cells=[[shown(("cell", r, c)) for c in range(columns)] for r in range(rows)],
        row_totals=[shown(("row", r)) for r in range(rows)],
        column_totals=[shown(("column", c)) for c in range(columns)],
        grand_total=shown(("grand",)),
    )


def _lines(rows, columns):
    """Each line of the table as (its parts, the total they add up to)."""
    lines = [([("cell", r, c) for c in range(columns)], ("row", r)) for r in range(rows)]
    lines += [([("cell", r, c) for r in range(rows)], ("column", c)) for c in range(columns)]
    lines.append(([("row", r) for r in range(rows)], ("grand",)))
    lines.append(([("column", c) for c in range(columns)], ("grand",)))
    return lines


def _companion(parts, total, values, hidden):
    """What else to hide in a line that has one hidden number: its smallest shown non-zero
    part (the least information lost), or, failing that, its total."""
    candidates = [place for place in parts if place not in hidden and values[place] > 0]
    if candidates:
        return min(candidates, key=lambda place: (values[place], place))
    if total not in hidden:
        return total
    # Only zeros are left shown beside one hidden part: hide a zero rather than reveal it.
    return next(place for place in parts if place not in hidden)
