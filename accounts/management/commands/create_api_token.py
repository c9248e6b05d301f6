"""Create a personal API token for a user, for scripts: `manage.py create_api_token USERNAME`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.tokens import DEFAULT_LIFETIME_DAYS, api_token_create


class Command(BaseCommand):
    help = "Create a personal API token for USERNAME and print it (it is shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Created from the command line")
        parser.add_argument("--days", type=int, default=DEFAULT_LIFETIME_DAYS, help="Days until it expires.")

    def handle(self, *args, username, name, days, **options):
        try:
            user = get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No active user called {username!r}.") from None
        try:
            _, raw = api_token_create(user=user, name=name, lifetime_days=days)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(raw)
