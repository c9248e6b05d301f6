"""Print the current security code for the demo users' shared TOTP secret (demo mode only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from areas.demo import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the current 6-digit security code of the demo users (demo mode only)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Only in demo mode.")
        self.stdout.write(f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}")
