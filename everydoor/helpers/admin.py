from everydoor.admin import site

from .models import HelperProfile

# Cases are worked in the console (/staff/cases/), not here; profiles are set up here.
site.register(HelperProfile)
