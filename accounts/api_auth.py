"""DRF authentication: bearer tokens (resolved by BearerTokenMiddleware) and MFA-verified sessions."""

from rest_framework import authentication, exceptions

from accounts.verification import is_verified


class BearerTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        django_request = request._request
        if getattr(django_request, "api_token_rejected", False):
            raise exceptions.AuthenticationFailed("The token is invalid, expired or revoked.")
        token = getattr(django_request, "api_token", None)
        if token is None:
            return None
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """A browser session counts for the API only once its user has passed MFA."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None or not is_verified(request._request):
            return None
        return result
