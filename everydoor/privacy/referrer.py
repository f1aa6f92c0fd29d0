from functools import wraps

FORM_PAGE_POLICY = "same-origin"


def referrer_policy_for_forms(view):
    """Pages with forms send Referrer-Policy: same-origin instead of our usual no-referrer.

    Under no-referrer, browsers send "Origin: null" with a form's POST, and Django's CSRF
    protection rightly refuses it. same-origin still sends nothing to other sites.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Referrer-Policy"] = FORM_PAGE_POLICY
        return response

    return wrapped
