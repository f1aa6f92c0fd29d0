"""An insert that gives way to an existing row, in one statement."""

from django.db import connections, router
from django.db.models import AutoField


def insert_unless_present(model, unique_fields, **values):
    """Insert a `model` row with `values` (defaults filled in, fields prepared as the ORM
    prepares them, so encrypted fields are encrypted). Returns its primary key, or None
    when a row with the same `unique_fields` exists already.

    INSERT … ON CONFLICT DO NOTHING RETURNING (PostgreSQL, and SQLite since 3.35): the
    ORM's way, a savepoint around an insert that may fail, costs three round trips."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    row = model(**values)
    pk = model._meta.pk
    fields = [field for field in model._meta.concrete_fields
              if not (field.primary_key and isinstance(field, AutoField))]  # the database numbers those
    params = [field.get_db_prep_save(field.pre_save(row, add=True), connection) for field in fields]
    unique_columns = [model._meta.get_field(name).column for name in unique_fields]
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))}) "
           f"ON CONFLICT ({', '.join(quote(column) for column in unique_columns)}) DO NOTHING "
           f"RETURNING {quote(pk.column)}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        inserted = cursor.fetchone()
    if inserted is None:
        return None
    return row.pk if row.pk is not None else pk.to_python(inserted[0])
