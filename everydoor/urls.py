from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from everydoor import views
from everydoor.health.views import healthz
from everydoor.languages.views import first_choice

urlpatterns = [
    path("", first_choice, name="first-choice"),
    path("healthz", healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("languages/", include("everydoor.languages.urls")),
    path("help-now/", include("everydoor.crisis.urls")),
    path("check/", include("everydoor.screening.urls")),
)

handler404 = "everydoor.views.page_not_found"
handler500 = "everydoor.views.server_error"
