"""`flush`, run as the owner: the application's role may not truncate tables."""

from django.core.management.commands import flush

from areas.rls import connected_as_owner


class Command(flush.Command):
    def handle(self, **options):
        with connected_as_owner(options["database"]):
            return super().handle(**options)
