from django.apps import AppConfig


class CetrConfig(AppConfig):
    name = "cetr"
    verbose_name = "C(E)TRs"

    def ready(self):
        from areas import access
        from cetr.capabilities import FOLLOW_UP_CASELOAD_ACTIONS, SITS_ON_PANELS, VIEW_CETRS
        from web import navigation

        # Menu tests read only the user's roles (cached per request): no query per page.
        navigation.register(
            "C(E)TRs", "cetr:index", order=40, visible_to=lambda user: bool(access.area_ids_with(user, VIEW_CETRS))
        )
        navigation.register(
            "C(E)TR actions",
            "cetr:caseload-actions",
            order=41,
            visible_to=lambda user: bool(access.area_ids_with(user, FOLLOW_UP_CASELOAD_ACTIONS)),
        )
        # Panel members from outside any area (independent experts) hold no role at all.
        navigation.register(
            "C(E)TR panels",
            "cetr:panels",
            order=42,
            visible_to=lambda user: bool(access.area_ids_with(user, SITS_ON_PANELS)) or not access.area_roles(user),
        )
