"""The building blocks of guides and self-help sessions: structured, so that every
translation keeps the same shape and nothing arrives as free HTML."""

from wagtail import blocks

from .facts import fact_choices
from .illustrations import illustration_choices

# Links and emphasis only: no headings, images or embeds inside a paragraph.
PARAGRAPH_FEATURES = ["bold", "italic", "link"]


class FactBlock(blocks.StructBlock):
    """A statement of a right or a rule, shown with its source and the date it was checked."""

    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    fact = blocks.ChoiceBlock(choices=fact_choices, help_text="Where this fact comes from (rights_facts.json).")

    class Meta:
        icon = "info-circle"
        template = "content/blocks/fact.html"


class ExerciseBlock(blocks.StructBlock):
    """Something to do: a title, numbered steps and an optional closing note."""

    title = blocks.CharBlock(max_length=120)
    steps = blocks.ListBlock(blocks.CharBlock(max_length=400))
    note = blocks.TextBlock(required=False)

    class Meta:
        icon = "tick"
        template = "content/blocks/exercise.html"


class IllustrationBlock(blocks.StructBlock):
    """One of our own small drawings (illustrations.py), with words for people who cannot see it."""

    picture = blocks.ChoiceBlock(choices=illustration_choices)
    description = blocks.CharBlock(max_length=200, help_text="What the picture shows, read out by screen readers.")

    class Meta:
        icon = "image"
        template = "content/blocks/illustration.html"


class CrisisLinesBlock(blocks.StaticBlock):
    """The urgent help lines, drawn from crisis_lines.json in the reader's language."""

    class Meta:
        icon = "warning"
        admin_text = "Shows the urgent help lines from crisis_lines.json."
        template = "content/blocks/crisis_lines.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(max_length=120, template="content/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="content/blocks/paragraph.html")
    steps = blocks.ListBlock(blocks.CharBlock(max_length=400), template="content/blocks/steps.html")
    points = blocks.ListBlock(blocks.CharBlock(max_length=400), template="content/blocks/points.html")
    fact = FactBlock()
    exercise = ExerciseBlock()
    illustration = IllustrationBlock()
    crisis_lines = CrisisLinesBlock()
