from django.core.checks import Error, register

from .catalogues import placeholder_problems, po_path, translated_languages


@register("translations")
def check_translation_placeholders(app_configs, **kwargs):
    """A translation that drops or invents a placeholder would crash or mislead at run time."""
    errors = []
    for language in translated_languages():
        if not po_path(language.code).exists():
            errors.append(Error(f"No interface translation for {language.code}", id="languages.E001"))
            continue
        for msgid, translation in placeholder_problems(language.code):
            errors.append(
                Error(
                    f"{language.code}: placeholders differ in translation of {msgid!r}: {translation!r}",
                    id="languages.E002",
                )
            )
    return errors
