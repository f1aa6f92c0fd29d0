import re

from django import template

register = template.Library()

# Numbers written in groups ("116 123") or dates ("2026-11-21"). In a right-to-left
# paragraph the bidi algorithm would show the groups in reverse order ("123 116").
GROUPED_NUMBER = re.compile(r"\d+(?:[ \-]\d+)+")
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


@register.filter(is_safe=True)
def isolate_numbers(text):
    """Keep grouped numbers in their written order whatever the text's direction."""
    return GROUPED_NUMBER.sub(
        lambda match: f"{LEFT_TO_RIGHT_ISOLATE}{match.group()}{POP_DIRECTIONAL_ISOLATE}", str(text)
    )
