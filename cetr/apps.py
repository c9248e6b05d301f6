from django.apps import AppConfig


class CetrConfig(AppConfig):
    name = "cetr"
    verbose_name = "C(E)TRs"
