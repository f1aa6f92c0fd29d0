from django.urls import path

from . import training, views

urlpatterns = [
    path("", views.caseload, name="helpers-caseload"),
    path("assist/", views.assist, name="helpers-assist"),
    path("wellbeing/", views.wellbeing, name="helpers-wellbeing"),
    path("notes-to-review/", views.notes_to_review, name="helpers-notes-to-review"),
    path("audit/", views.audit_log, name="helpers-audit-log"),
    path("notes/<uuid:note_id>/review/", views.review_note, name="helpers-review-note"),
    path("<uuid:case_id>/", views.case_detail, name="helpers-case"),
    path("<uuid:case_id>/pick-up/", views.pick_up, name="helpers-pick-up"),
    path("<uuid:case_id>/notes/", views.add_note, name="helpers-add-note"),
    path("<uuid:case_id>/close/", views.close, name="helpers-close"),
    path("<uuid:case_id>/take-over/", views.take_over, name="helpers-take-over"),
    path("<uuid:case_id>/seen-to/", views.clear_attention, name="helpers-clear-attention"),
    path("<uuid:case_id>/check-in/", views.check_in, name="helpers-check-in"),
    path("training/", training.training_path, name="helpers-training"),
    path("training/team/", training.team_progress, name="helpers-training-team"),
    path("training/<slug:slug>/", training.module, name="helpers-training-module"),
    path("training/<slug:slug>/done/", training.module_done, name="helpers-training-module-done"),
]
