"""The address a sign-in came from, for lockouts. Behind our proxy every request comes
from the proxy, so the proxy's own record of the client is used, and only from the proxy
that gunicorn trusts (FORWARDED_ALLOW_IPS, as bin/production passes it): anyone else could
write any address they liked into the header."""

import os


def client_ip(request):
    peer = request.META.get("REMOTE_ADDR", "")
    trusted = {address.strip() for address in os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1").split(",")}
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if peer in trusted and forwarded:
        # The last address is the one our proxy added: the one it saw.
        return forwarded.split(",")[-1].strip()
    return peer
