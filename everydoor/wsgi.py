import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "everydoor.settings")

application = get_wsgi_application()
# Load every view now, then freeze what is loaded: it lives as long as the process, and a
# full garbage collection that walked it all would stall whichever request it fell in.
get_resolver().url_patterns  # noqa: B018 (imports the URLconf and its views)
gc.collect()
gc.freeze()
