from django.urls import path

from . import views

urlpatterns = [
    path("", views.caseload, name="helpers-caseload"),
    path("assist/", views.assist, name="helpers-assist"),
    path("wellbeing/", views.wellbeing, name="helpers-wellbeing"),
    path("notes-to-review/", views.notes_to_review, name="helpers-notes-to-review"),
    path("notes/<uuid:note_id>/review/", views.review_note, name="helpers-review-note"),
    path("<uuid:case_id>/", views.case_detail, name="helpers-case"),
    path("<uuid:case_id>/pick-up/", views.pick_up, name="helpers-pick-up"),
    path("<uuid:case_id>/notes/", views.add_note, name="helpers-add-note"),
    path("<uuid:case_id>/close/", views.close, name="helpers-close"),
]
