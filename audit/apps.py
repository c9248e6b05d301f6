from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit"

    def ready(self):
        from areas import access
        from areas.roles import READ_AUDIT
        from web import navigation

        navigation.register(
            "Access log",
            "audit:access-log",
            order=95,
            visible_to=lambda user: bool(access.area_ids_with(user, READ_AUDIT)),
        )
