"""EveryDoor settings. Everything that differs between machines comes from the environment.

Defaults are safe for production: DEBUG is off and HTTPS is enforced unless the
environment says otherwise (`make demo` and the test suite turn HTTPS off for
http://127.0.0.1).
"""

import json
import os
from pathlib import Path

import dj_database_url

from everydoor.languages.registry import bidi_codes, django_languages

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return int(os.environ.get(name, default))


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("Set SECRET_KEY (or DEBUG=1 for development).")
    SECRET_KEY = "dev-only-" + "x" * 50
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "everydoor.languages",
    "everydoor.crisis",
    "everydoor.health",
    "everydoor.privacy",
    "everydoor.screening",
    "everydoor.referrals",
    "everydoor.readaloud",
    "everydoor.content",
    "everydoor.directory",
    "everydoor.conversations",
    "everydoor.course",
    "everydoor.skills",
    "everydoor.equity",
    "everydoor.helpers",
    # Staff sign-in: a second factor (TOTP) and lockout after repeated wrong passwords.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # After every app whose permissions the staff roles use (see accounts/roles.py).
    "everydoor.accounts",
    # Editorial content and its translation workflow, administered at /staff/cms/.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.sites",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "everydoor.privacy.middleware.protective_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "everydoor.languages.middleware.remember_language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "everydoor.accounts.two_factor.second_factor_required",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "everydoor.urls"
WSGI_APPLICATION = "everydoor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "everydoor" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "everydoor.languages.context_processors.current_language",
                "everydoor.privacy.context_processors.quick_exit",
                "everydoor.helpers.assisted.context",
            ],
        },
    },
]

# SQLite is the embedded default; production sets DATABASE_URL=postgres://…
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'everydoor.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Languages: see everydoor/languages/data/languages.json
LANGUAGE_CODE = "en"
LANGUAGES = django_languages()
LANGUAGES_BIDI = bidi_codes()
LOCALE_PATHS = [BASE_DIR / "everydoor" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"
LANGUAGE_COOKIE_NAME = "everydoor_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

# Wagtail holds guides and self-help sessions, one locale per language; wagtail-localize
# keeps each translation in step with its English source. Public pages are drawn by our
# own views and templates, so Wagtail adds nothing to them.
WAGTAIL_SITE_NAME = "EveryDoor"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The admin makes no calls to other sites (no update check, no external avatars).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "everydoor" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# Security. HTTPS is on unless EVERYDOOR_HTTPS=0 (local demo and tests over plain http).
HTTPS = env_bool("EVERYDOOR_HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Fernet keys for identifiable fields, newest first (see everydoor/privacy/encryption.py).
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])

# Staff sign in with a password, then a code from an authenticator app (accounts/two_factor.py).
LOGIN_URL = "staff-login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "staff-login"
AUTHENTICATION_BACKENDS = [
    # Refuses sign-in while an account is locked out, before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address: signing in there pauses for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "everydoor.accounts.client_ip.client_ip"
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
OTP_TOTP_ISSUER = "EveryDoor"

# An urgent case nobody has picked up after this many minutes is raised with supervisors.
URGENT_PICK_UP_MINUTES = env_int("URGENT_PICK_UP_MINUTES", 15)

# How submitted referrals reach a service (Service.delivery -> provider class).
REFERRAL_DELIVERY_PROVIDERS = {
    "email": "everydoor.referrals.delivery.email.EmailDelivery",
    "webhook": "everydoor.referrals.delivery.webhook.WebhookDelivery",
}
# Referral emails hold identifiable data: use a mail server that enforces TLS (e.g. NHSmail).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "EveryDoor <referrals@everydoor.invalid>")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 30

# The public address, for links printed on paper forms and sent by SMS.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Conversations over SMS, WhatsApp and the phone (everydoor/conversations). Each provider is
# one folder under conversations/providers; its webhooks are served at /conversations/<name>/.
CONVERSATION_PROVIDERS = {
    "twilio": "everydoor.conversations.providers.twilio.TwilioProvider",
    "console": "everydoor.conversations.providers.console.ConsoleProvider",
}
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
TWILIO_SMS_FROM = os.environ.get("TWILIO_SMS_FROM", "")
TWILIO_WHATSAPP_FROM = os.environ.get("TWILIO_WHATSAPP_FROM", "")
TWILIO_API_URL = os.environ.get("TWILIO_API_URL", "https://api.twilio.com")
# Check-in messages are never sent between these hours, local time (start, end).
QUIET_HOURS = (env_int("QUIET_HOURS_START", 21), env_int("QUIET_HOURS_END", 9))
# Approved WhatsApp templates, name -> Content SID, e.g. {"check_in": "HX…"} (JSON).
WHATSAPP_TEMPLATES = json.loads(os.environ.get("WHATSAPP_TEMPLATES", "{}"))

# Where Quick exit sends a person: a busy, ordinary site that looks unremarkable in a history list.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

# How long each kind of data is kept: the rules, their default periods and why are in
# everydoor/privacy/retention.py. A service sets its own period, in days, with
# RETENTION_DAYS_<RULE NAME>, e.g. RETENTION_DAYS_AUDIT_LOG=3650 (a system check catches typos).
RETENTION_DAYS = {
    name.removeprefix("RETENTION_DAYS_").lower(): env_int(name, 0)
    for name in os.environ
    if name.startswith("RETENTION_DAYS_")
}
# The deploying service's own privacy facts (who is responsible, who can see what, what is
# shared with whom), shown exactly as written on the privacy notice.
PRIVACY_FACTS_FILE = Path(
    os.environ.get("PRIVACY_FACTS_FILE", BASE_DIR / "everydoor" / "privacy" / "data" / "privacy_facts.json")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
