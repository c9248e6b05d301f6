from django.apps import AppConfig


class DsrConfig(AppConfig):
    name = "dsr"
    verbose_name = "Dynamic Support Register"

    def ready(self):
        from django.apps import apps

        from areas import access
        from dsr.capabilities import VIEW_REGISTER
        from web import navigation

        navigation.register(
            "Register",
            "dsr:register",
            order=20,
            visible_to=lambda user: bool(access.area_ids_with(user, VIEW_REGISTER)),
        )
        # The destination area decides a transfer, and pghistory writes that decision as a row
        # of the transfer's history in the origin's area: let row-level security admit the
        # destination to the history exactly as it does to the transfer (see areas.rls).
        apps.get_model("dsr", "TransferEvent").rls_extra_area_columns = ("destination_id",)
