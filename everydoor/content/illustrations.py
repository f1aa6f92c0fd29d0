"""EveryDoor's own line drawings for lessons: small SVG files (well under 1 KB each), so a
lesson stays light on a 2G connection. Editors choose one by name."""

ILLUSTRATIONS = {
    "phone-padlock": "A phone with a padlock",
    "phone-data": "A phone with signal and Wi-Fi",
    "nhs-app": "A phone with the NHS App",
    "calendar": "A calendar",
    "video-call": "A video call",
}


def illustration_choices():
    return list(ILLUSTRATIONS.items())
