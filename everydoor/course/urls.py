from django.urls import path

from . import views

urlpatterns = [
    path("", views.course, name="course"),
    path("join/", views.join, name="course-join"),
    path("continue/", views.continue_course, name="course-continue"),
    path("leave/", views.leave, name="course-leave"),
    path("session/<int:number>/", views.session, name="course-session"),
    path("session/<int:number>/done/", views.session_done, name="course-session-done"),
    path("mood/<slug:point>/", views.mood_check, name="course-mood-check"),
]
