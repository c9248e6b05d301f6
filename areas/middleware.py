"""Runs each request in one transaction, row-level-security scoped to the user's areas."""

from accounts.verification import is_verified
from areas.access import row_scope_area_ids
from areas.rls import area_scope


class AreaScopeMiddleware:
    """Placed last, after authentication (session, MFA, bearer token): the whole view, and every
    query it makes, sees only rows of areas where the user holds a role. The transaction also
    means a request that fails leaves nothing half-written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        area_ids = row_scope_area_ids(request.user) if is_verified(request) else []
        with area_scope(area_ids):
            return self.get_response(request)
