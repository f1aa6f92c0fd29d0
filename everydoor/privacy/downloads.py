"""A person's data to take away: JSON for another service or program to read, and a PDF to
print, in the person's language and its direction. WeasyPrint lays out every script from
the Noto fonts, as for the referral letter and the paper questionnaires."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from everydoor.languages.registry import get_language

from .consent import describe_consents
from .holdings import as_data, describe


def everything_held(holdings):
    """The sections of the downloads: what we hold, then what the person agreed to."""
    sections = describe(holdings)
    if holdings.consents:
        sections.append(describe_consents(holdings.consents))
    return sections


def holdings_json(holdings, language):
    with translation.override(language):
        data = {"from": "EveryDoor", "made_at": timezone.now().isoformat(), "language": language,
                **as_data(holdings, everything_held(holdings))}
    return json.dumps(data, ensure_ascii=False, indent=2)


def holdings_pdf(holdings, language):
    with translation.override(language):
        html = render_to_string("privacy/holdings_pdf.html", {
            "sections": everything_held(holdings), "language": get_language(language), "made_at": timezone.now(),
        })
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def attachment(content, content_type, filename):
    """A download that is saved, not shown, and kept in no cache on a shared phone."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def json_download(holdings, language):
    return attachment(holdings_json(holdings, language), "application/json", "everydoor-my-data.json")


def pdf_download(holdings, language):
    return attachment(holdings_pdf(holdings, language), "application/pdf", "everydoor-my-data.pdf")
