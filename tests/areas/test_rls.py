"""Row-level security: even an unscoped ORM or raw query sees only the scope's areas."""

import pytest
from django.db import connection, transaction
from django.db.utils import ProgrammingError

from areas.rls import append_only_tables, area_scope, scoped_tables
from audit.models import AccessLogEntry
from tests.factories import UserFactory, area


@pytest.fixture
def entries_in_two_areas():
    user = UserFactory()
    for slug in ("thurrock", "newham"):
        AccessLogEntry.objects.create(
            area=area(slug), user=user, kind="detail", record_type="canary", path="/", method="GET"
        )


def test_unscoped_orm_query_returns_only_rows_of_the_scope(entries_in_two_areas):
    with area_scope([area("thurrock").id]):
        assert list(AccessLogEntry.objects.values_list("area__slug", flat=True)) == ["thurrock"]


def test_unscoped_raw_sql_returns_only_rows_of_the_scope(entries_in_two_areas):
    with area_scope([area("newham").id]), connection.cursor() as cursor:
        cursor.execute("SELECT area_id FROM audit_accesslogentry")
        assert [row[0] for row in cursor.fetchall()] == [area("newham").id]


def test_an_empty_scope_sees_nothing(entries_in_two_areas):
    with area_scope([]):
        assert AccessLogEntry.objects.count() == 0


def test_writing_a_row_outside_the_scope_is_refused():
    user = UserFactory()
    with (
        area_scope([area("thurrock").id]),
        pytest.raises(ProgrammingError, match="row-level security"),
        transaction.atomic(),
    ):
        AccessLogEntry.objects.create(
            area=area("newham"), user=user, kind="detail", record_type="x", path="/", method="GET"
        )


def test_the_application_role_owns_nothing_and_cannot_bypass_the_policy():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        role, is_superuser, bypasses = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")
        owned = cursor.fetchone()[0]
    assert (is_superuser, bypasses, owned) == (False, False, 0), role


def test_every_table_with_an_area_has_a_forced_policy():
    with connection.cursor() as cursor:
        tables = scoped_tables(cursor)
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relname = ANY(%s)", [tables]
        )
        protected = {row[0] for row in cursor.fetchall()}
    assert "audit_accesslogentry" in tables
    assert set(tables) == protected


@pytest.mark.parametrize("statement", ["UPDATE {} SET id = id", "DELETE FROM {}"])
def test_history_and_access_log_tables_are_append_only(statement):
    for table in append_only_tables():
        with (
            pytest.raises(ProgrammingError, match="permission denied"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement.format(f'"{table}"'))


def test_the_application_role_cannot_change_the_schema():
    with (
        pytest.raises(ProgrammingError, match="permission denied"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("CREATE TABLE intruder (id int)")
