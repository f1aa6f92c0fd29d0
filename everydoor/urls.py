from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.module_loading import autodiscover_modules
from wagtail.admin import urls as wagtailadmin_urls

from everydoor import views
from everydoor.admin import site as admin_site
from everydoor.content.views import service_worker
from everydoor.health.views import healthz
from everydoor.languages.views import first_choice, language_chosen

# Each app's admin.py registers its models with our admin site.
autodiscover_modules("admin")

urlpatterns = [
    path("", first_choice, name="first-choice"),
    # Outside the language prefix: the page it is posted from is not the language chosen.
    path("language/", language_chosen, name="language-chosen"),
    path("healthz", healthz, name="healthz"),
    path("audio/", include("everydoor.readaloud.urls")),
    path("openreferral/", include("everydoor.directory.urls")),
    path("conversations/", include("everydoor.conversations.urls")),
    path("sw.js", service_worker, name="service-worker"),
    path("staff/admin/", admin_site.urls),
    path("staff/cms/", include(wagtailadmin_urls)),
    path("staff/", include("everydoor.accounts.urls")),
    path("staff/", include("everydoor.referrals.staff_urls")),
    path("staff/cases/data-requests/", include("everydoor.privacy.staff_urls")),
    path("staff/cases/", include("everydoor.helpers.urls")),
    path("staff/equity/", include("everydoor.equity.staff_urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("languages/", include("everydoor.languages.urls")),
    path("help-now/", include("everydoor.crisis.urls")),
    path("check/", include("everydoor.screening.urls")),
    path("refer/", include("everydoor.referrals.urls")),
    path("services/", include("everydoor.directory.public_urls")),
    path("talk/", include("everydoor.conversations.public_urls")),
    path("course/", include("everydoor.course.urls")),
    path("digital-skills/", include("everydoor.skills.urls")),
    path("about-you/", include("everydoor.equity.urls")),
    path("your-data/", include("everydoor.privacy.urls")),
    path("privacy/", include("everydoor.privacy.notice_urls")),
    path("", include("everydoor.content.urls")),
)

handler404 = "everydoor.views.page_not_found"
handler500 = "everydoor.views.server_error"
