"""`migrate`, run as the database role that owns the tables (the application's role cannot
create or alter them), followed by the row-level security and privilege set-up."""

from django.core.management.commands import migrate

from areas.rls import connected_as_owner


class Command(migrate.Command):
    def handle(self, *args, **options):
        with connected_as_owner(options["database"]):
            return super().handle(*args, **options)
