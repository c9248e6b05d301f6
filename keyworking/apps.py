from django.apps import AppConfig


class KeyworkingConfig(AppConfig):
    name = "keyworking"
    verbose_name = "Keyworking"

    def ready(self):
        from areas import access
        from dsr.meetings import extensions
        from dsr.meetings.capabilities import VIEW_MEETINGS
        from keyworking.capabilities import OVERSEE_KEYWORKING, VIEW_ALLOCATIONS, WORK_CASELOAD
        from keyworking.meetings import MeetingsProvider
        from web import navigation

        extensions.register(MeetingsProvider())
        navigation.register(
            "My caseload",
            "keyworking:caseload",
            order=30,
            visible_to=lambda user: bool(access.area_ids_with(user, WORK_CASELOAD)),
        )
        navigation.register(
            "Keyworking",
            "keyworking:overview",
            order=31,
            visible_to=lambda user: bool(
                access.area_ids_with(user, VIEW_ALLOCATIONS) or access.area_ids_with(user, OVERSEE_KEYWORKING)
            ),
        )
        # The meeting pages live in dsr.meetings; their menu entry is registered here so the
        # register's AppConfig (another module's) stays untouched.
        navigation.register(
            "MDT meetings",
            "dsr:meetings:list",
            order=25,
            visible_to=lambda user: bool(access.area_ids_with(user, VIEW_MEETINGS)),
        )
