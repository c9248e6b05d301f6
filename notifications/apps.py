from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Reminders and notifications"

    def ready(self) -> None:
        # The rules register themselves on import; each app's rules load only if that app's
        # records exist (see notifications.rules).
        from notifications import rules

        rules.load_all()
