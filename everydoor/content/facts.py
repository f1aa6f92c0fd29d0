"""Rights and system facts that guides state, read from data/rights_facts.json.

The wording of a fact lives in the guide (so it can be translated); where it comes from and
when a person last checked it live here, in one file a service can update.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

DATA_FILE = Path(__file__).parent / "data" / "rights_facts.json"


@dataclass(frozen=True)
class Fact:
    id: str
    summary: str
    numbers: tuple
    source_name: str
    source: str
    checked: str
    checked_against: str

    @property
    def source_host(self):
        return urlsplit(self.source).netloc.removeprefix("www.")


@cache
def all_facts():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {entry["id"]: Fact(**{**entry, "numbers": tuple(entry["numbers"])}) for entry in data["facts"]}


def get_fact(fact_id):
    return all_facts()[fact_id]


def fact_choices():
    return [(fact.id, fact.summary) for fact in all_facts().values()]
