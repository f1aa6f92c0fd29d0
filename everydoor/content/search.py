"""Search of guides in the reader's language.

Each page keeps a folded copy of its text (ContentPage.search_text), and a query matches
pages that contain every word of it. Substring matching works for every script we serve,
including those written without spaces between words, where word-based full-text search
finds nothing. A language holds tens of guides, not thousands, so this stays quick.
"""

from .models import GuidePage
from .text import searchable

MAX_TERMS = 8


def search_guides(language_code, query, limit=20):
    terms = searchable(query).split()[:MAX_TERMS]
    if not terms:
        return []
    pages = GuidePage.objects.live().filter(locale__language_code=language_code)
    for term in terms:
        pages = pages.filter(search_text__contains=term)
    found = list(pages.order_by("path")[:limit])
    # Pages whose title holds the words come first.
    return sorted(found, key=lambda page: -sum(term in searchable(page.title) for term in terms))
