"""Sign-in state for every request: bearer tokens, session lifetime, MFA, and no caching."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from accounts.tokens import token_from_header
from accounts.verification import is_verified

SIGNED_IN_AT_KEY = "keyworking_signed_in_at"

# Reachable before MFA is complete: the sign-in steps, and paths without personal data. The
# API is left to DRF, whose session authentication ignores sessions that have not passed MFA.
_OPEN_URL_NAMES = ("accounts:sign-in", "accounts:mfa", "accounts:sign-out")
_OPEN_PREFIXES = ("/static/", "/healthz", "/api/")


def _open_before_mfa(path: str) -> bool:
    return path.startswith(_OPEN_PREFIXES) or path in {reverse(name) for name in _OPEN_URL_NAMES}


class BearerTokenMiddleware:
    """Authenticates `Authorization: Bearer <token>` here rather than in DRF, so that the user is
    known before AreaScopeMiddleware sets the row-level security scope for the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.api_token = None
        request.api_token_rejected = False
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            token = token_from_header(header.removeprefix("Bearer ").strip())
            if token is None:
                request.api_token_rejected = True
                request.user = AnonymousUser()
            else:
                request.api_token = token
                request.user = token.user
        return self.get_response(request)


class SessionLifetimeMiddleware:
    """Ends a session 12 hours after sign-in however active it is (the 15-minute idle limit is
    the session cookie's own age, renewed on every request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.api_token is None and request.user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT_KEY)
            lifetime = settings.SESSION_ABSOLUTE_LIFETIME.total_seconds()
            if signed_in_at is None or timezone.now().timestamp() - signed_in_at > lifetime:
                logout(request)
                return redirect(f"{reverse('accounts:sign-in')}?{urlencode({'expired': 1})}")
        return self.get_response(request)


class RequireVerifiedMiddleware:
    """A signed-in user reaches nothing but sign-in and MFA pages until they pass MFA."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not is_verified(request) and not _open_before_mfa(request.path):
            if request.headers.get("HX-Request"):
                return JsonResponse({"detail": "Multi-factor authentication required."}, status=401)
            return redirect(f"{reverse('accounts:mfa')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class NoStoreMiddleware:
    """No page or API answer for a signed-in user may be kept by a browser or proxy cache:
    nearly all of them carry personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated or request.path.startswith("/api/"):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response
