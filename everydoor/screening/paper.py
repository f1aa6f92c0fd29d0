"""Printable A4 questionnaires, in every language, for people who would rather use paper
and for helpers who key answers in later. WeasyPrint lays out the page with Pango and
HarfBuzz, which shape Arabic script and Ethiopic correctly from the Noto fonts."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from everydoor.languages.registry import get_language


def web_address(instrument, view="about-questionnaire"):
    with translation.override(instrument.language):
        path = reverse(view, args=[instrument.id])
    return settings.SITE_URL.rstrip("/") + path


def paper_questionnaire_pdf(instrument):
    address = web_address(instrument)
    qr_svg = segno.make(address, error="m").svg_inline(scale=3, dark="#000", light=None)
    with translation.override(instrument.language):
        html = render_to_string(
            "screening/paper.html",
            {"instrument": instrument, "language": get_language(instrument.language),
             "address": address, "qr_svg": qr_svg,
             "entry_address": web_address(instrument, "screening-all-questions")},
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
