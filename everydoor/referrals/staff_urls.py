from django.urls import path

from . import staff_views

urlpatterns = [
    path("referrals/", staff_views.inbox, name="staff-inbox"),
    path("referrals/<uuid:referral_id>/", staff_views.detail, name="staff-referral"),
    path("referrals/<uuid:referral_id>/accept/", staff_views.accept, name="staff-referral-accept"),
    path("referrals/<uuid:referral_id>/decline/", staff_views.decline, name="staff-referral-decline"),
    path("referrals/<uuid:referral_id>/first-contact/", staff_views.first_contact, name="staff-referral-contact"),
    path("referrals/<uuid:referral_id>/letter.pdf", staff_views.letter, name="staff-referral-letter"),
    path("referrals/<uuid:referral_id>/fhir.json", staff_views.fhir_bundle, name="staff-referral-fhir"),
]
