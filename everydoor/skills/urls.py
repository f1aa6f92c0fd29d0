from django.urls import path

from . import views

urlpatterns = [
    path("", views.skills, name="digital-skills"),
    path("<slug:slug>/", views.lesson, name="digital-skills-lesson"),
    path("<slug:slug>/done/", views.lesson_done, name="digital-skills-lesson-done"),
    path("<slug:slug>/clear/", views.lesson_feedback, name="digital-skills-lesson-feedback"),
]
