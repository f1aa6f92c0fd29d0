"""Geometry for the dashboard's charts, drawn as SVG by the templates (no JavaScript, no
images to fetch). Every chart has the same numbers in a table beneath it for screen
readers; hidden counts are drawn as gaps, never as zero."""

from dataclasses import dataclass

WIDTH = 600
LABEL_WIDTH = 190
BAR_HEIGHT = 18
GAP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the number or percentage written beside the bar
    y: int
    width: float  # 0 for a hidden value: the text then says it is hidden


def bars(items, as_percent=False):
    """Horizontal bars for [(label, value or None)]; the longest fills the width."""
    values = [value for _label, value in items if value is not None]
    largest = max(values, default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60
    result = []
    for index, (label, value) in enumerate(items):
        text = "–" if value is None else (f"{value:.0%}" if as_percent else f"{value:,}")
        width = 0 if value is None else room * value / largest
        result.append(Bar(label=str(label), text=text, y=index * (BAR_HEIGHT + GAP), width=round(width, 1)))
    return {"bars": result, "height": len(items) * (BAR_HEIGHT + GAP), "label_width": LABEL_WIDTH,
            "width": WIDTH, "bar_height": BAR_HEIGHT}


# Colours far enough apart to tell lines apart, each with enough contrast on white.
COLOURS = ["#1d5e8c", "#b5442c", "#2e7d32", "#6a3d9a", "#8c6d1f", "#00838f", "#ad1457", "#37474f", "#5d4037",
           "#283593"]


@dataclass(frozen=True)
class Line:
    label: str
    colour: str
    pieces: list  # SVG polyline points, one string per unbroken piece: a hidden week breaks the line


def lines(weeks, series, height=220):
    """One line per series [(label, [value or None per week])] across the weeks."""
    values = [value for _label, row in series for value in row if value is not None]
    largest = max(values, default=0) or 1
    step = (WIDTH - 60) / max(len(weeks) - 1, 1)
    result = []
    for number, (label, row) in enumerate(series):
        pieces, current = [], []
        for index, value in enumerate(row):
            if value is None:
                if current:
                    pieces.append(" ".join(current))
                current = []
                continue
            current.append(f"{40 + index * step:.1f},{height - 20 - (height - 40) * value / largest:.1f}")
        if current:
            pieces.append(" ".join(current))
        result.append(Line(label=str(label), colour=COLOURS[number % len(COLOURS)], pieces=pieces))
    return {"lines": result, "width": WIDTH, "height": height, "largest": largest}


@dataclass(frozen=True)
class Interval:
    label: str
    y: int
    x: object  # None when the count is hidden: the label is drawn, the interval is not
    low: object
    high: object


def intervals(rows, largest=3.0):
    """Ratio with its interval per group [(label, Representation or None)], on a scale from
    0 to `largest` with a mark at 1 (reached in proportion)."""
    room = WIDTH - LABEL_WIDTH - 20

    def at(ratio):
        return round(LABEL_WIDTH + room * min(ratio, largest) / largest, 1)

    drawn = [Interval(label=str(label), y=index * (BAR_HEIGHT + GAP), x=result and at(result.ratio),
                      low=result and at(result.lower), high=result and at(result.upper))
             for index, (label, result) in enumerate(rows)]
    return {"intervals": drawn, "height": len(rows) * (BAR_HEIGHT + GAP), "width": WIDTH, "one": at(1.0),
            "label_width": LABEL_WIDTH, "bar_height": BAR_HEIGHT}
