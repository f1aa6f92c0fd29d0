from django import template

from everydoor.languages.registry import get_language

register = template.Library()


@register.filter
def language_name(code):
    """A person's language as helpers read it: its own name, and its English name."""
    try:
        language = get_language(code)
    except KeyError:
        return code
    return language.name if language.name == language.name_local else f"{language.name_local} ({language.name})"
