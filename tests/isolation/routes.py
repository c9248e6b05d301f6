"""The isolation matrix's map of every URL: what kind of thing it serves and how to build its
URL for a given area. A URL missing here fails `test_every_served_url_is_in_the_matrix`."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from django.apps import apps
from django.utils import timezone

from accounts.tokens import api_token_create
from referrals.views.public import sent_token
from tests.factories import UserFactory


class Kind(Enum):
    PUBLIC = "public"  # no sign-in, no records (sign-in page, health, schema)
    SIGNED_IN = "signed-in"  # the user's own things, no area records
    AREA = "area"  # one area's page, addressed by its slug or a record of it
    ACROSS = "across"  # the user's records across all their areas (lists, searches, dashboards)
    API = "api"  # a REST API list: like ACROSS
    API_RECORD = "api-record"  # a REST API record of one area: like AREA

    @property
    def is_api(self) -> bool:
        return self in {Kind.API, Kind.API_RECORD}

    @property
    def is_one_area(self) -> bool:
        return self in {Kind.AREA, Kind.API_RECORD}


@dataclass(frozen=True)
class Route:
    name: str
    kind: Kind
    kwargs: Callable[[str], dict] = lambda slug: {}  # URL arguments for something in area `slug`
    methods: tuple[str, ...] = ("GET",)
    # POSTing it changes what later requests of the module find (removes, moves or decides a
    # record): sent only by users who must be refused.
    destructive: bool = False


def _someone_elses_token(slug: str) -> dict:
    token, _ = api_token_create(user=UserFactory(username=f"token-owner-{slug}"), name="matrix")
    return {"token_id": token.id}


def _area(slug: str) -> dict:
    return {"slug": slug}


def first(model_label: str, slug: str, **filters) -> int:
    """The id of a demo record of `model_label` in area `slug` (the demo data has one of each)."""
    found = (
        apps.get_model(model_label)
        .objects.filter(area__slug=slug, **filters)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    assert found is not None, f"the demo data has no {model_label} in {slug} matching {filters}"
    return found


def record(model_label: str, argument: str = "pk", **filters) -> Callable[[str], dict]:
    return lambda slug: {argument: first(model_label, slug, **filters)}


def parent_and(model_label: str, parent_field: str, argument: str) -> Callable[[str], dict]:
    """A page addressed by a parent's id and one of its children's (a person's contact, a
    review's panel member): both ids from the same demo record."""

    def kwargs(slug: str) -> dict:
        child = apps.get_model(model_label).objects.filter(area__slug=slug).order_by("pk").first()
        assert child is not None, f"the demo data has no {model_label} in {slug}"
        return {"pk": getattr(child, f"{parent_field}_id"), argument: child.pk}

    return kwargs


BOTH = ("GET", "POST")
PERSON = record("dsr.Person")
REVIEW = record("cetr.Review")
MEETING = record("dsr.Meeting")
AGENDA_ITEM = parent_and("dsr.AgendaItem", "meeting", "item_id")
CASE = record("dsr.Allocation", ended_on__isnull=True)
REFERRAL = lambda slug: {"slug": slug, "pk": first("referrals.Referral", slug)}  # noqa: E731
API_LISTS = [
    "api-people-list",
    "api-register-entries-list",
    "api-meetings-list",
    "api-allocations-list",
    "api-contacts-list",
    "api-goals-list",
    "api-referrals",
    "api-dashboard-scopes",
]


def _scope(slug: str) -> dict:
    return {"scope": f"areas/{slug}"}


def _last_month() -> date:
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)


def _referral_reference(slug: str) -> dict:
    return {
        "reference": apps.get_model("referrals.Referral").objects.get(pk=first("referrals.Referral", slug)).reference
    }


def _thank_you_page(slug: str) -> dict:
    return {"slug": slug, "token": sent_token(area_slug=slug, reference="REF-TEST-0000")}


def _someone_elses_notification(slug: str) -> dict:
    return {"pk": first("notifications.Notification", slug)}


PERSON_FORMS = [
    "status",
    "rating",
    "review",
    "consent",
    "consent-withdraw",
    "admission",
    "discharge",
    "remove",
    "return",
    "move-to-adults",
    "contact-add",
    "transfer-request",
]


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
    # The register
    Route("dsr:register", Kind.ACROSS),
    Route("dsr:export", Kind.ACROSS, lambda slug: {"fmt": "csv"}),
    Route("dsr:area-register", Kind.AREA, _area),
    Route("dsr:area-export", Kind.AREA, lambda slug: {"slug": slug, "fmt": "xlsx"}),
    Route("dsr:settings", Kind.AREA, _area, methods=("GET", "POST")),
    Route("dsr:import", Kind.AREA, _area, methods=("GET", "POST")),
    Route("dsr:import-template", Kind.SIGNED_IN, lambda slug: {"fmt": "csv"}),
    Route("dsr:person-add", Kind.ACROSS, methods=("GET", "POST")),
    Route("dsr:person", Kind.AREA, PERSON),
    Route("dsr:person-edit", Kind.AREA, PERSON, methods=("GET", "POST")),
    Route("dsr:case-edit", Kind.AREA, PERSON, methods=("GET", "POST")),
    Route("dsr:subject-access", Kind.AREA, PERSON),
    Route("dsr:subject-access-json", Kind.AREA, PERSON),
    *(Route(f"dsr:{name}", Kind.AREA, PERSON, methods=("GET", "POST")) for name in PERSON_FORMS),
    Route("dsr:contact-edit", Kind.AREA, parent_and("dsr.Contact", "person", "contact_id"), methods=("GET", "POST")),
    Route(
        "dsr:contact-remove", Kind.AREA, parent_and("dsr.Contact", "person", "contact_id"), ("POST",), destructive=True
    ),
    Route("dsr:transfers", Kind.ACROSS),
    Route("dsr:transfer-decide", Kind.AREA, record("dsr.Transfer", "transfer_id"), methods=("GET", "POST")),
    Route("dsr:transfer-cancel", Kind.AREA, record("dsr.Transfer", "transfer_id"), ("POST",), destructive=True),
    Route("dsr:transfer-ask", Kind.ACROSS, methods=("POST",)),
    Route("dsr:transfer-ask-decline", Kind.AREA, record("dsr.TransferAsk", "ask_id"), methods=("GET", "POST")),
    # C(E)TRs
    Route("cetr:index", Kind.ACROSS),
    Route("cetr:caseload-actions", Kind.ACROSS),
    Route("cetr:panels", Kind.ACROSS),
    *(Route(f"cetr:{name}", Kind.AREA, _area) for name in ("area", "admissions", "area-actions", "owners")),
    *(Route(f"cetr:{name}", Kind.AREA, _area, methods=BOTH) for name in ("settings", "review-new", "emergency-new")),
    Route("cetr:review", Kind.AREA, REVIEW),
    Route("cetr:papers", Kind.AREA, REVIEW),
    *(
        Route(f"cetr:{name}", Kind.AREA, REVIEW, methods=BOTH)
        for name in ("review-record", "recommendation-add", "panel-add")
    ),
    Route("cetr:review-cancel", Kind.AREA, REVIEW, ("POST",), destructive=True),
    Route("cetr:panel-access", Kind.AREA, parent_and("cetr.PanelMember", "review", "member_id"), methods=("POST",)),
    Route(
        "cetr:panel-remove",
        Kind.AREA,
        parent_and("cetr.PanelMember", "review", "member_id"),
        ("POST",),
        destructive=True,
    ),
    Route("cetr:action-new", Kind.AREA, record("cetr.Recommendation"), methods=BOTH),
    Route("cetr:action", Kind.AREA, record("cetr.Action"), methods=BOTH),
    Route("cetr:action-escalate", Kind.AREA, record("cetr.Action"), methods=BOTH),
    Route("cetr:escalation-outcome", Kind.AREA, record("cetr.Escalation"), methods=BOTH),
    Route("cetr:root-cause", Kind.AREA, record("dsr.InpatientEpisode"), methods=BOTH),
    Route("cetr:person", Kind.AREA, PERSON),
    Route("api-cetr-list", Kind.API),
    Route("api-cetr-detail", Kind.API_RECORD, record("cetr.Review")),
    Route("api-cetr-action-list", Kind.API),
    Route("api-cetr-action-detail", Kind.API_RECORD, record("cetr.Action")),
    Route("api-cetr-action-follow-up", Kind.API_RECORD, record("cetr.Action"), methods=("POST",)),
    # DSR MDT meetings
    Route("dsr:meetings:list", Kind.ACROSS),
    Route("dsr:meetings:plan", Kind.AREA, _area, methods=BOTH),
    Route("dsr:meetings:settings", Kind.AREA, _area, methods=BOTH),
    Route("dsr:meetings:detail", Kind.AREA, MEETING),
    Route("dsr:meetings:record", Kind.AREA, MEETING),
    *(
        Route(f"dsr:meetings:{name}", Kind.AREA, MEETING, methods=BOTH)
        for name in ("attendee-add", "feedback", "amendment-add")
    ),
    *(
        Route(f"dsr:meetings:{name}", Kind.AREA, MEETING, ("POST",), destructive=True)
        for name in ("start", "close", "agenda-build", "agenda-add")
    ),
    Route(
        "dsr:meetings:attendee-remove",
        Kind.AREA,
        parent_and("dsr.MeetingAttendee", "meeting", "attendee_id"),
        ("POST",),
        destructive=True,
    ),
    Route("dsr:meetings:item", Kind.AREA, AGENDA_ITEM, methods=BOTH),
    Route("dsr:meetings:action-add", Kind.AREA, AGENDA_ITEM, methods=BOTH),
    Route("dsr:meetings:item-remove", Kind.AREA, AGENDA_ITEM, ("POST",), destructive=True),
    Route("dsr:meetings:item-move", Kind.AREA, AGENDA_ITEM, ("POST",), destructive=True),
    Route("dsr:meetings:action-status", Kind.AREA, record("dsr.MeetingAction", "action_id"), methods=("POST",)),
    # Keyworking
    *(Route(f"keyworking:{name}", Kind.ACROSS) for name in ("home", "caseload", "overview")),
    Route("keyworking:area", Kind.AREA, _area),
    Route("keyworking:policy", Kind.AREA, _area, methods=BOTH),
    Route("keyworking:settings", Kind.AREA, _area, methods=BOTH),
    Route("keyworking:allocate", Kind.AREA, record("dsr.RegisterEntry", "entry_id"), ("GET", "POST"), destructive=True),
    Route("keyworking:person", Kind.AREA, record("dsr.Person", "person_id")),
    Route("keyworking:case", Kind.AREA, CASE),
    *(
        Route(f"keyworking:{name}", Kind.AREA, CASE, methods=BOTH)
        for name in ("contact-add", "goal-add", "hope-add", "spend-add", "clinical-note-add", "outcomes")
    ),
    Route("keyworking:reallocate", Kind.AREA, CASE, ("GET", "POST"), destructive=True),
    Route("keyworking:close", Kind.AREA, CASE, ("GET", "POST"), destructive=True),
    *(
        Route(f"keyworking:{name}", Kind.AREA, record("keyworking.Contact", "contact_id"), methods=BOTH)
        for name in ("contact-edit", "contact-amend")
    ),
    *(
        Route(f"keyworking:{name}", Kind.AREA, record("keyworking.Goal", "goal_id"), methods=BOTH)
        for name in ("goal-progress", "goal-status")
    ),
    # Referrals
    *(Route(f"referrals:{name}", Kind.ACROSS) for name in ("index", "mine")),
    Route("referrals:new", Kind.ACROSS, methods=BOTH),
    Route("referrals:queue", Kind.AREA, _area),
    Route("referrals:settings", Kind.AREA, _area, methods=BOTH),
    Route("referrals:detail", Kind.AREA, REFERRAL),
    *(
        Route(f"referrals:{name}", Kind.AREA, REFERRAL, ("GET", "POST"), destructive=True)
        for name in ("status", "accept", "decline", "forward", "outcome")
    ),
    Route("refer:start", Kind.PUBLIC),
    Route("refer:form", Kind.PUBLIC, _area),
    Route("refer:sent", Kind.PUBLIC, _thank_you_page),
    # Notifications (each user's own; someone else's answers 404)
    *(Route(f"notifications:{name}", Kind.ACROSS) for name in ("list", "count", "settings-index")),
    Route("notifications:preferences", Kind.SIGNED_IN, methods=BOTH),
    Route("notifications:read-all", Kind.SIGNED_IN, methods=("POST",)),
    Route("notifications:settings", Kind.AREA, _area, methods=BOTH),
    *(Route(f"notifications:{name}", Kind.AREA, _someone_elses_notification) for name in ("open",)),
    *(Route(f"notifications:{name}", Kind.AREA, _someone_elses_notification, ("POST",)) for name in ("read", "unread")),
    # Dashboards
    Route("dashboards:index", Kind.ACROSS),
    Route("dashboards:dashboard", Kind.AREA, _scope),
    Route("dashboards:export", Kind.AREA, lambda slug: {**_scope(slug), "fmt": "xlsx"}),
    Route("dashboards:returns", Kind.AREA, _area),
    Route("dashboards:return", Kind.AREA, lambda slug: {"slug": slug, "month": _last_month(), "fmt": "csv"}),
    Route("dashboards:disclosure-index", Kind.ACROSS),
    Route("dashboards:disclosure", Kind.AREA, _area, methods=BOTH),
    # The API
    *(Route(name, Kind.API) for name in API_LISTS),
    Route("api-people-detail", Kind.API_RECORD, PERSON),
    Route("api-register-entries-detail", Kind.API_RECORD, record("dsr.RegisterEntry")),
    # Events: an empty POST answers 400 (or 404 on an entry no longer on the register), so none is destructive.
    *(Route(f"api-people-{name}", Kind.API_RECORD, PERSON, methods=("POST",)) for name in ("admissions", "return")),
    *(
        Route(f"api-register-entries-{name}", Kind.API_RECORD, record("dsr.RegisterEntry"), methods=("POST",))
        for name in ("ratings", "consents", "consent-withdrawals", "discharge", "remove")
    ),
    Route("api-meetings-detail", Kind.API_RECORD, MEETING),
    Route("api-allocations-detail", Kind.API_RECORD, record("dsr.Allocation")),
    Route("api-contacts-detail", Kind.API_RECORD, record("keyworking.Contact")),
    Route("api-goals-detail", Kind.API_RECORD, record("keyworking.Goal")),
    Route("api-referral", Kind.API_RECORD, _referral_reference),
    Route("api-dashboard", Kind.API_RECORD, _scope),
    Route("api-dashboard-return", Kind.API_RECORD, lambda slug: {"slug": slug, "month": _last_month()}),
]
