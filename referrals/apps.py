from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = "Referrals"

    def ready(self):
        from areas import access
        from referrals.capabilities import MAKE_REFERRALS, TRIAGE_REFERRALS
        from web import navigation

        navigation.register(
            "Referrals",
            "referrals:index",
            order=40,
            visible_to=lambda user: bool(access.area_ids_with(user, TRIAGE_REFERRALS)),
        )
        # Professionals who do not triage still refer from inside the service.
        navigation.register(
            "Make a referral",
            "referrals:new",
            order=41,
            visible_to=lambda user: (
                bool(access.area_ids_with(user, MAKE_REFERRALS)) and not access.area_ids_with(user, TRIAGE_REFERRALS)
            ),
        )
