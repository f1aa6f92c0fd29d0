"""Headers that keep a person's visit private and the page safe.

Django's SecurityMiddleware sets HSTS, nosniff, Referrer-Policy and COOP; this adds
what it does not: a Content-Security-Policy that allows nothing from other sites and
no inline code, a Permissions-Policy that turns off every device feature we never use,
and no caching of pages, so that a shared phone's back button or cache shows nothing.
"""

from .referrer import FORM_PAGE_POLICY

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)

# The editors' admin (Wagtail, signed-in staff only) uses some inline scripts and styles and
# shows page previews in a frame of its own; public pages never get this looser policy.
EDITORIAL_ADMIN_PREFIX = "/staff/cms/"
EDITORIAL_ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'none'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    ]
)


def protective_headers(get_response):
    def middleware(request):
        response = get_response(request)
        if request.path.startswith(EDITORIAL_ADMIN_PREFIX):
            response.headers["Content-Security-Policy"] = EDITORIAL_ADMIN_POLICY
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
            # Every admin page posts forms: see referrer.py for why no-referrer breaks them.
            response.headers["Referrer-Policy"] = FORM_PAGE_POLICY
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return middleware
