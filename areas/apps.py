from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _apply_database_security(sender, using, **kwargs):
    from areas.rls import apply_database_security

    apply_database_security(using)


class AreasConfig(AppConfig):
    name = "areas"
    verbose_name = "Areas, roles and access"

    def ready(self):
        from areas import access
        from areas.roles import MANAGE_ROLES
        from web import navigation

        # post_migrate fires once per installed app; the work is idempotent, but once is enough.
        post_migrate.connect(_apply_database_security, sender=self)
        navigation.register("Home", "areas:home", order=0, visible_to=lambda user: True)
        navigation.register(
            "Roles",
            "areas:roles-index",
            order=90,
            visible_to=lambda user: bool(access.area_ids_with(user, MANAGE_ROLES)),
        )
