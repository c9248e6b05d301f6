"""Load the synthetic demo data (idempotent): users and roles here, then each app's `demo.load()`
in INSTALLED_APPS order. Refused outside demo mode."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from areas.rls import system_scope


class Command(BaseCommand):
    help = "Load synthetic demo users, roles and records (demo mode only; safe to run again)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo data is only loaded in demo mode (local settings), never in production.")
        with transaction.atomic(), system_scope():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is not None:
                    import_module(module_name).load()
                    self.stdout.write(f"Loaded demo data: {app_config.verbose_name}")
