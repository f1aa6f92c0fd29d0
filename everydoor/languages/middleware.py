from django.conf import settings
from django.utils.translation import get_language_from_path


def remember_language(get_response):
    """Keep the language cookie in step with the language in the URL prefix.

    The URL decides the language; the cookie only lets the first screen send a
    returning person straight back to their language.
    """

    def middleware(request):
        response = get_response(request)
        in_path = get_language_from_path(request.path_info)
        if in_path and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != in_path:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                in_path,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path="/",
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    return middleware

