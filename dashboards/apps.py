from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = "Commissioners' dashboards"

    def ready(self):
        from areas import access
        from dashboards.capabilities import SET_DISCLOSURE, VIEW_DASHBOARDS
        from web import navigation

        navigation.register(
            "Dashboards",
            "dashboards:index",
            order=70,
            visible_to=lambda user: bool(access.area_ids_with(user, VIEW_DASHBOARDS)),
        )
        navigation.register(
            "Small-number suppression",
            "dashboards:disclosure-index",
            order=96,
            visible_to=lambda user: bool(access.area_ids_with(user, SET_DISCLOSURE)),
        )
