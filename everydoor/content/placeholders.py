"""A translation must carry exactly its source's tags: link placeholders (<a id="a1">) and
emphasis. wagtail-localize refuses some broken links but lets a bare <a> through, which
would publish a link to nowhere; such a translation is marked as an error and the page
keeps the source text for that string until a translator fixes it."""

import re
from collections import Counter

from django.db.models.signals import post_save
from wagtail_localize.models import StringTranslation

TAG = re.compile(r"<\s*(/?)\s*(a|b|i)\b([^>]*)>", re.IGNORECASE)


def tags_of(text):
    return Counter(
        f"{slash}{name.lower()} {' '.join(attributes.split())}" for slash, name, attributes in TAG.findall(text)
    )


def placeholders_match(source, translation):
    return tags_of(source) == tags_of(translation)


def flag_broken_placeholders(sender, instance, **kwargs):
    if instance.has_error or placeholders_match(instance.translation_of.data, instance.data):
        return
    StringTranslation.objects.filter(pk=instance.pk).update(has_error=True)


post_save.connect(flag_broken_placeholders, sender=StringTranslation, dispatch_uid="everydoor-placeholders")
