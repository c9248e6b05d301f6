"""PostgreSQL row-level security: the second line of defence behind the access layer.

Every table with an `area_id` column gets a policy that shows and accepts only rows whose area
is in the current transaction's scope (the `keyworking.area_ids` setting). Requests set the
scope from the user's areas (areas.middleware), tasks and commands from the areas they work
for (`system_scope`). The application's database role owns no table and cannot bypass the
policy, so even an unscoped ORM or raw query sees only permitted rows.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction

SCOPE_SETTING = "keyworking.area_ids"
POLICY_NAME = "area_scope"

# Tables carrying area_id that are not area-owned records: none yet. Listed here, on purpose,
# rather than skipped silently.
UNSCOPED_TABLES: frozenset[str] = frozenset()

_SCOPE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION keyworking_scope_area_ids() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(string_to_array(NULLIF(current_setting('{SCOPE_SETTING}', true), ''), ',')::bigint[], '{{}}')
$$;
"""


def _current_scope() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s, true)", [SCOPE_SETTING])
        return cursor.fetchone()[0] or ""


def _set_scope(value: str) -> None:
    with connection.cursor() as cursor:
        # is_local=true: the setting ends with the transaction, so it never leaks to the next
        # request on a reused connection.
        cursor.execute("SELECT set_config(%s, %s, true)", [SCOPE_SETTING, value])


@contextmanager
def area_scope(area_ids: Iterable[int]) -> Iterator[None]:
    """Run the block in a transaction whose rows are limited to `area_ids`.

    Nested scopes restore the outer one on exit; on an error the savepoint's rollback restores
    it, since PostgreSQL settings are transactional.
    """
    with transaction.atomic():
        previous = _current_scope()
        _set_scope(",".join(str(area_id) for area_id in sorted(set(area_ids))))
        yield
        _set_scope(previous)


@contextmanager
def system_scope() -> Iterator[None]:
    """All areas: for background tasks, management commands and the few services (transfers
    between areas, cross-area duplicate checks) that must see past one user's areas. Each use
    is a deliberate, reviewed exception and says why where it is called."""
    from areas.models import Area

    with area_scope(Area.objects.values_list("id", flat=True)):
        yield


def scoped_tables(cursor) -> list[str]:
    cursor.execute(
        """
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema() AND c.column_name = 'area_id' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name
        """
    )
    return [row[0] for row in cursor.fetchall() if row[0] not in UNSCOPED_TABLES]


def _extra_area_columns() -> dict[str, tuple[str, ...]]:
    """Tables whose rows another area may also see, declared on the model as
    `rls_extra_area_columns` (a transfer is seen by its destination too)."""
    from django.apps import apps

    return {
        model._meta.db_table: tuple(model.rls_extra_area_columns)
        for model in apps.get_models()
        if getattr(model, "rls_extra_area_columns", ())
    }


def append_only_tables() -> list[str]:
    """Event (change history) tables, the access log and the migration record: the
    application may add to them, never change or remove."""
    from django.apps import apps
    from pghistory.models import Event

    tables = ["django_migrations"]
    for model in apps.get_models():
        if issubclass(model, Event) or getattr(model, "append_only", False):
            tables.append(model._meta.db_table)
    return tables


def apply_database_security(using: str = "default") -> None:
    """Idempotently grant the application role its privileges and put the area policy on every
    area-owned table. Runs after every migrate, as the owner."""
    from django.db import connections

    conn = connections[using]
    app_role = settings.DATABASE_APP_ROLE
    owner_role = conn.settings_dict["USER"]
    with conn.cursor() as cursor:
        cursor.execute(_SCOPE_FUNCTION)
        extra_columns = _extra_area_columns()
        for table in scoped_tables(cursor):
            visible = " OR ".join(
                f'"{column}" = ANY (keyworking_scope_area_ids())'
                for column in ("area_id", *extra_columns.get(table, ()))
            )
            cursor.execute(
                f"""
                ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS {POLICY_NAME} ON "{table}";
                CREATE POLICY {POLICY_NAME} ON "{table}"
                  USING ({visible})
                  WITH CHECK ({visible});
                """
            )
        if app_role == owner_role:
            return  # a single-role deployment: FORCE above still applies the policy to it
        cursor.execute(
            f"""
            GRANT USAGE ON SCHEMA public TO "{app_role}";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{app_role}";
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{app_role}";
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO "{app_role}";
            """
        )
        existing = set(conn.introspection.table_names(cursor))
        for table in (table for table in append_only_tables() if table in existing):
            cursor.execute(f'REVOKE UPDATE, DELETE, TRUNCATE ON "{table}" FROM "{app_role}"')


def switch_credentials(credentials: dict, using: str = "default") -> dict:
    """Reconnect `using` as another database role; return the credentials it had."""
    from django.db import connections

    conn = connections[using]
    previous = {key: conn.settings_dict[key] for key in ("USER", "PASSWORD")}
    conn.close()
    conn.settings_dict.update(credentials)
    return previous


@contextmanager
def connected_as_owner(using: str = "default") -> Iterator[None]:
    """Reconnect as the table owner for schema work (migrate, flush), then back."""
    previous = switch_credentials(settings.DATABASE_OWNER_CREDENTIALS, using)
    try:
        yield
    finally:
        switch_credentials(previous, using)
