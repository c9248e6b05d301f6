from django.apps import AppConfig


class KeyworkingConfig(AppConfig):
    name = "keyworking"
    verbose_name = "Keyworking"
