import copy
import json
from html.parser import HTMLParser
from pathlib import Path

DEMO_FEED = Path(__file__).resolve().parents[1] / "data" / "demo_feed.json"


def demo_services():
    """A fresh copy of the made-up multi-service feed, to alter freely."""
    return copy.deepcopy(json.loads(DEMO_FEED.read_text(encoding="utf-8"))["services"])


def without_empty(value):
    """A document as export gives it back: empty optional fields left out."""
    if isinstance(value, dict):
        return {key: without_empty(item) for key, item in value.items() if item not in (None, "", [])}
    if isinstance(value, list):
        return [without_empty(item) for item in value]
    return value


def form_values(html):
    """What a browser would submit from the page's form as it stands: every named input,
    checked box, selected option and textarea."""

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.values, self.select, self.textarea = {}, None, None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
                ticked = attrs.get("type") in ("checkbox", "radio")
                if not ticked or "checked" in attrs:
                    self.values[name] = attrs.get("value", "on" if ticked else "")
            elif tag == "select" and name:
                self.select = name
                self.values.setdefault(name, "")
            elif tag == "option" and self.select and "selected" in attrs:
                self.values[self.select] = attrs.get("value", "")
            elif tag == "textarea" and name:
                self.textarea = name
                self.values[name] = ""

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.values[self.textarea] += data.removeprefix("\n") if not self.values[self.textarea] else data

    reader = Reader()
    reader.feed(html)
    return reader.values
