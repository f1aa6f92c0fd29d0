"""What we tell the person after they send their request, and later when they check it:
honest, in plain words, in their language."""

from django.utils.translation import gettext_lazy as _

from .models import Referral

WHY_COMMUNITY_WORKER = {
    Referral.Route.UNDER_AGE: _(
        "NHS Talking Therapies near you is for adults. A community worker will contact you to find the "
        "right help for your age."
    ),
    Referral.Route.OVER_AGE: _(
        "We could not find a service near you for your age group. A community worker will contact you to "
        "find the right help."
    ),
    Referral.Route.NO_POSTCODE: _(
        "Without a postcode we cannot tell which NHS service covers where you live. A community worker "
        "will contact you to find the right service with you."
    ),
    Referral.Route.OUTSIDE_CATCHMENT: _(
        "We do not work with an NHS Talking Therapies service for your postcode yet. A community worker "
        "will contact you to help you ask your local service."
    ),
    Referral.Route.NEEDS_GP: _(
        "The service for your area asks that you are registered with a GP. A community worker will "
        "contact you and can help you register. You do not need proof of address or immigration status "
        "to register with a GP."
    ),
}

STATUS_FOR_PERSON = {
    Referral.Status.SUBMITTED: _("Your request has been sent. Nobody has answered it yet."),
    Referral.Status.ACCEPTED: _("The service has accepted your request. They will contact you in the way you asked."),
    Referral.Status.DECLINED: _(
        "The service cannot help you with this request. A community worker will contact you to find other help."
    ),
    Referral.Status.CONTACTED: _("The service has been in contact with you."),
    Referral.Status.WITHDRAWN: _("You withdrew this request. It is no longer with the service."),
}
