from django.apps import AppConfig
from django.core import checks


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Reminders and notifications"

    def ready(self) -> None:
        # The rules register themselves on import: a rule module that is missing stops start-up,
        # and so (as a system check) does a rule linking to a page the site does not have.
        from notifications import rules

        rules.load_all()
        checks.register(rules.check_pages, checks.Tags.urls)
