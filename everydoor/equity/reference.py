"""Reading a reference population the service uploads: a CSV with a heading row, one group
per line, giving each group's share of the population or its count (counts are turned into
shares). Values are the markers' stored values (for ethnic group, "asian_indian" …), or
their English names as shown in the dashboard."""

import csv
import io

from django.utils.translation import gettext as _

from .dashboard import value_names
from .models import ReferencePopulation, ReferenceShare

MAX_BYTES = 200_000


class ReferenceError(ValueError):
    """The file cannot be used; the message says why, for the person who uploaded it."""


def read_reference_csv(upload, marker):
    """{value: share} from an uploaded file, shares adding up to 1."""
    if upload.size > MAX_BYTES:
        raise ReferenceError(_("The file is too large. A reference population is a short list of groups."))
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReferenceError(_("The file must be saved as CSV in UTF-8.")) from None
    rows = list(csv.DictReader(io.StringIO(text)))
    headings = {heading.strip().lower() for heading in (rows[0].keys() if rows else [])}
    amount = "share" if "share" in headings else "count" if "count" in headings else None
    if "value" not in headings or amount is None:
        raise ReferenceError(_("The first line must be the headings: value, and share or count."))
    amounts = {}
    for number, row in enumerate(rows, start=2):
        row = {key.strip().lower(): (cell or "").strip() for key, cell in row.items() if key}
        amounts[_stored_value(row["value"], marker, number)] = _amount(row[amount], number)
    total = sum(amounts.values())
    if total <= 0:
        raise ReferenceError(_("The shares or counts add up to nothing."))
    return {value: part / total for value, part in amounts.items()}


def _stored_value(typed, marker, line):
    known = value_names(marker)
    names = {str(name).lower(): value for value, name in known.items()}
    if typed in known or marker == "country_of_birth":
        return typed
    if typed.lower() in names:
        return names[typed.lower()]
    raise ReferenceError(_("Line %(line)s: “%(value)s” is not one of this question's answers.")
                         % {"line": line, "value": typed})


def _amount(typed, line):
    try:
        number = float(typed.rstrip("%").replace(",", ""))
    except ValueError:
        raise ReferenceError(
            _("Line %(line)s: “%(value)s” is not a number.") % {"line": line, "value": typed}) from None
    if number < 0:
        raise ReferenceError(_("Line %(line)s: a share or count cannot be negative.") % {"line": line})
    return number


def save_reference_population(cleaned, user):
    population = ReferencePopulation.objects.create(name=cleaned["name"], marker=cleaned["marker"],
                                                    uploaded_by=user.get_username())
    ReferenceShare.objects.bulk_create(
        ReferenceShare(population=population, value=value, share=share) for value, share in cleaned["shares"].items())
    return population
