"""A deployment learns at `manage.py check` (and so at every migrate) that its privacy facts or
retention settings are wrong, rather than a person meeting a broken privacy notice."""

from django.conf import settings
from django.core.checks import Error, register

from .notice import facts_problems
from .retention import RULES


@register("privacy")
def check_privacy_facts(app_configs, **kwargs):
    return [
        Error(f"Privacy facts: {problem}", hint="See the format in everydoor/privacy/data/privacy_facts.json.",
              id="privacy.E001")
        for problem in facts_problems()
    ]


@register("privacy")
def check_retention_settings(app_configs, **kwargs):
    names = {rule.name for rule in RULES}
    errors = []
    for name, days in sorted(settings.RETENTION_DAYS.items()):
        if name not in names:
            errors.append(Error(f"RETENTION_DAYS_{name.upper()} names no retention rule",
                                hint="The rules are: " + ", ".join(sorted(names)), id="privacy.E002"))
        elif days < 0:
            errors.append(Error(f"RETENTION_DAYS_{name.upper()} is negative", id="privacy.E003"))
    return errors
