import copy
import json
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
