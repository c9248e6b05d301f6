"""Data shared wider than one test, without leaking past its scope."""

from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection, transaction


@contextmanager
def rolled_back_at_end(django_db_blocker):
    """For a module- or session-scoped fixture: what it writes stays for every test in its scope
    (each test's own changes roll back to a savepoint inside it) and is all rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


def check_deferred_constraints() -> None:
    """Check now what the shared data deferred. Each test's teardown checks the deferred
    constraints inside its savepoint, and rolling that savepoint back leaves them pending
    again: left unchecked here, every test would re-check every row of the shared data."""
    connection.check_constraints()


def load_demo_data() -> None:
    """The whole synthetic demo data set, as `load_demo` writes it (in system scope), its
    constraints checked."""
    call_command("load_demo", verbosity=0)
    check_deferred_constraints()
