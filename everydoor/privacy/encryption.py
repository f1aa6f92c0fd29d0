"""Encryption of identifiable fields (phone numbers, names) at rest.

Keys come from FIELD_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first, so
old keys can still decrypt while data is re-encrypted). Without it, a key is derived
from SECRET_KEY, which is enough for development and tests only.
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet():
    keys = settings.FIELD_ENCRYPTION_KEYS or [
        base64.urlsafe_b64encode(hashlib.sha256(f"fields:{settings.SECRET_KEY}".encode()).digest()).decode()
    ]
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(text):
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token):
    return _fernet().decrypt(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Stored encrypted; read back as plain text. Cannot be searched or ordered by."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
