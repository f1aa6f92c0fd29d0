import re

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from everydoor.crisis.lines import crisis_lines
from everydoor.languages.registry import all_languages

from ..facts import get_fact

register = template.Library()


@register.simple_tag
def fact_source(fact_id):
    return get_fact(fact_id)


@register.simple_tag
def crisis_lines_here():
    return crisis_lines(translation.get_language())


# Links inside guides are written without a language ("/help-now/"), so one wording works in
# every translation; they are given the reader's language here, saving a redirect.
SITE_PATH_LINK = re.compile(
    r'href="/(?!static/|audio/|(?:' + "|".join(language.code for language in all_languages()) + ")/)"
)


@register.filter
def in_reader_language(html):
    return mark_safe(SITE_PATH_LINK.sub(f'href="/{translation.get_language()}/', str(html)))


@register.filter
def in_english(text):
    """English words set inside a sentence of another language (a source's name, say),
    isolated so that right-to-left text around them keeps its order."""
    return format_html('<bdi lang="en">{}</bdi>', text)
