"""Staff acting on a person's request for their data, made by phone or in person: every
look, download and erasure is recorded with the reference the member of staff gave, and
in the audit log against each record it touched."""

from django.db import transaction

from .audit import SUBJECT_REQUEST, record_access
from .holdings import erase_holdings
from .models import SubjectRequest

# What the audit log says was done to each record.
AUDIT_ACTIONS = {
    SubjectRequest.Action.VIEWED: "viewed",
    SubjectRequest.Action.DOWNLOADED_JSON: "downloaded (JSON)",
    SubjectRequest.Action.DOWNLOADED_PDF: "downloaded (PDF)",
}


def record_subject_request(user, action, reference, holdings):
    """Note that `user` did `action` (a SubjectRequest.Action) for the person, and audit it."""
    request = SubjectRequest.objects.create(staff=user, staff_name=user.get_username(), action=action,
                                            reference=reference, records=holdings.record_ids())
    for record in holdings.top_level():
        record_access(user, AUDIT_ACTIONS[action], record, SUBJECT_REQUEST)
    return request


def erase_on_request(user, reference, holdings):
    """Erase everything for the person; erase_holdings audits each record as it goes."""
    with transaction.atomic():
        request = SubjectRequest.objects.create(staff=user, staff_name=user.get_username(),
                                                action=SubjectRequest.Action.ERASED, reference=reference,
                                                records=holdings.record_ids())
        erase_holdings(holdings, user)
    return request
