"""Administrators unlock accounts and remove a lost phone's authenticator in the staff admin."""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from everydoor.admin import site

site.register(AccessAttempt, AccessAttemptAdmin)
site.register(TOTPDevice, TOTPDeviceAdmin)
