# Staff accounts are Django's users and groups: no tables of their own. The module is here
# so that Django sends this app post_migrate, when the roles are made (see apps.py).
