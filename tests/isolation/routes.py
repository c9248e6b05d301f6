"""The isolation matrix's map of every URL: what kind of thing it serves and how to build its
URL for a given area. A URL missing here fails `test_every_served_url_is_in_the_matrix`."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from accounts.tokens import api_token_create
from tests.factories import UserFactory


class Kind(Enum):
    PUBLIC = "public"  # no sign-in, no records (sign-in page, health, schema)
    SIGNED_IN = "signed-in"  # the user's own things, no area records
    AREA = "area"  # one area's page, addressed by its slug or a record of it
    ACROSS = "across"  # the user's records across all their areas (lists, searches, dashboards)
    API = "api"  # the REST API: like ACROSS (lists) or AREA (details)


@dataclass(frozen=True)
class Route:
    name: str
    kind: Kind
    kwargs: Callable[[str], dict] = lambda slug: {}  # URL arguments for something in area `slug`
    methods: tuple[str, ...] = ("GET",)


def _someone_elses_token(slug: str) -> dict:
    token, _ = api_token_create(user=UserFactory(username=f"token-owner-{slug}"), name="matrix")
    return {"token_id": token.id}


def _area(slug: str) -> dict:
    return {"slug": slug}


ROUTES = [
    Route("accounts:sign-in", Kind.PUBLIC),
    Route("accounts:mfa", Kind.PUBLIC),
    Route("healthz", Kind.PUBLIC),
    Route("api-schema", Kind.PUBLIC),
    Route("api-docs", Kind.PUBLIC),
    Route("accounts:sign-out", Kind.SIGNED_IN, methods=()),  # POST ends the session: tested in accounts
    Route("accounts:sign-out-everywhere", Kind.SIGNED_IN, methods=()),
    Route("accounts:account", Kind.SIGNED_IN),
    Route("accounts:api-tokens", Kind.SIGNED_IN, methods=("GET", "POST")),
    Route("accounts:api-token-revoke", Kind.AREA, _someone_elses_token, methods=("POST",)),
    Route("areas:home", Kind.ACROSS),
    Route("areas:roles-index", Kind.ACROSS),
    Route("areas:roles", Kind.AREA, _area, methods=("GET", "POST")),
    Route("areas:role-revoke", Kind.AREA, _area, methods=("POST",)),
    Route("audit:access-log", Kind.ACROSS),
    Route("api-areas", Kind.API),
]
