"""How the API's authentication shows in the OpenAPI schema (drf-spectacular extensions)."""

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.api_auth.BearerTokenAuthentication"
    name = "bearerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, created in the application or with `manage.py create_api_token`.",
        }


class VerifiedSessionScheme(SessionScheme):
    target_class = "accounts.api_auth.VerifiedSessionAuthentication"
