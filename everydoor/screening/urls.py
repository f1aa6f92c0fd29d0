from django.urls import path

from . import views

urlpatterns = [
    path("", views.choose_questionnaire, name="choose-questionnaire"),
    path("continue/", views.continue_with_code, name="continue-screening"),
    path("not-safe/", views.not_safe, name="not-safe"),
    path("safety/", views.safety, name="safety"),
    path("<slug:instrument_id>/", views.about_questionnaire, name="about-questionnaire"),
    path("<slug:instrument_id>/paper.pdf", views.paper, name="paper-questionnaire"),
    path("<slug:instrument_id>/all/", views.all_questions, name="screening-all-questions"),
    path("<slug:instrument_id>/start/", views.start, name="start-screening"),
    path("<slug:instrument_id>/<int:number>/", views.question, name="screening-question"),
    path("<slug:instrument_id>/result/", views.result, name="screening-result"),
]
