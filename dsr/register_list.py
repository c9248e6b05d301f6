"""The register list (selector): filters, search, sort and keyset pagination, shared by the
list page, its CSV/XLSX exports and the API, so all three give the same rows.

Pages are found by keyset ("rows after this one in this order"), never by OFFSET, and the
total is counted only up to a cap, so a page costs the same on a register of 100,000 entries
as on one of 100.
"""

import base64
import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import (
    Case,
    CharField,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, Lower
from django.utils import timezone

from areas.selectors import settings_for_each
from dsr import rules
from dsr.models import Allocation, ConsentRecord, Rating, RegisterEntry, RegisterSettings
from dsr.models.entry import OPEN_STATUSES
from dsr.nhs_numbers import normalise_nhs_number

COUNT_CAP = 1000  # "more than 1,000": counting further only costs time
LAST_DAY = date(9999, 12, 31)  # sorts entries with no review date after every dated one

# Sort name -> (label, [(annotation, descending)]); the entry id always breaks ties.
SORTS = {
    "name": ("Name", [("sort_family", False), ("sort_given", False)]),
    "rating": ("Rating (blue, red, amber, green)", [("rating_rank", False), ("sort_family", False)]),
    "review": ("Next review due", [("sort_review", False)]),
    "age": ("Age (youngest first)", [("sort_birth", True)]),
    "added": ("Newest on the register", [("added_on", True)]),
}
_DATE_KEYS = {"sort_review", "sort_birth", "added_on"}
_RATING_ORDER = [Rating.BLUE, Rating.RED, Rating.AMBER, Rating.GREEN]


@dataclass(frozen=True)
class RegisterFilters:
    """What the user asked for. `area_ids` must already be limited by the access layer."""

    area_ids: list[int]
    ratings: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)  # none chosen: everyone on the register
    register: str = ""
    age_band: str = ""
    review: str = ""  # "overdue" or "due"
    keyworker: str = ""  # "yes" or "no"
    consent_due: bool = False
    nearing_adults: bool = False
    flagged_for_removal: bool = False
    query: str = ""
    sort: str = "name"


@dataclass
class RegisterPage:
    rows: list[RegisterEntry]
    next_cursor: str | None
    previous_cursor: str | None
    total: int  # up to COUNT_CAP
    total_capped: bool


def annotated_entries(queryset: QuerySet[RegisterEntry] | None = None) -> QuerySet[RegisterEntry]:
    """Entries with everything the list shows and sorts on, fetched in one query."""
    queryset = RegisterEntry.objects.all() if queryset is None else queryset
    latest_consent = ConsentRecord.objects.filter(entry=OuterRef("pk")).order_by("-recorded_on", "-recorded_at", "-id")
    open_allocation = Allocation.objects.filter(person=OuterRef("person_id"), ended_on__isnull=True)
    # Filtering on an open allocation is a semi-join (`allocated`); showing it is a probe per
    # shown row (`has_keyworker`, a scalar subquery), since PostgreSQL would answer an EXISTS
    # in the select list by hashing every open allocation in the area to show a page.
    queryset = queryset.alias(allocated=Exists(open_allocation))
    # Not joined to the area: a join per row costs a third of a page on a large register, and
    # the few areas are attached afterwards (see decorate_rows).
    return queryset.select_related("person").annotate(
        **searched_names(),
        sort_birth=F("person__date_of_birth"),
        sort_review=Coalesce("next_review_due", Value(LAST_DAY), output_field=DateField()),
        rating_rank=Case(
            *(When(current_rating=rating, then=Value(rank)) for rank, rating in enumerate(_RATING_ORDER)),
            default=Value(len(_RATING_ORDER)),
            output_field=IntegerField(),
        ),
        consent_kind=Subquery(latest_consent.values("kind")[:1]),
        consent_review_due=Subquery(latest_consent.values("review_due")[:1]),
        has_keyworker=Coalesce(Subquery(open_allocation.values(yes=Value(True))[:1]), Value(False)),
        keyworker_name=Subquery(
            open_allocation.annotate(
                name=Concat("keyworker__first_name", Value(" "), "keyworker__last_name", output_field=CharField())
            ).values("name")[:1]
        ),
    )


def filter_entries(queryset: QuerySet[RegisterEntry], filters: RegisterFilters, *, today: date | None = None):
    """Apply every filter of the list page (and the API) to annotated entries."""
    today = today or timezone.localdate()
    queryset = queryset.filter(area_id__in=filters.area_ids)
    queryset = queryset.filter(status__in=filters.statuses or OPEN_STATUSES)
    if filters.ratings:
        queryset = queryset.filter(current_rating__in=filters.ratings)
    if filters.register:
        queryset = queryset.filter(register=filters.register)
    if filters.age_band:
        earliest, latest = rules.birth_dates_for_age_band(filters.age_band, today)
        queryset = queryset.filter(person__date_of_birth__lte=latest)
        if earliest is not None:
            queryset = queryset.filter(person__date_of_birth__gte=earliest)
    if filters.review == "overdue":
        queryset = queryset.filter(next_review_due__lt=today)
    elif filters.review == "due":
        queryset = queryset.filter(next_review_due__lte=today + timedelta(days=rules.REVIEW_DUE_SOON_DAYS))
    if filters.keyworker in ("yes", "no"):
        queryset = queryset.filter(allocated=filters.keyworker == "yes")
    if filters.consent_due:
        soon = today + timedelta(days=rules.CONSENT_DUE_SOON_DAYS)
        queryset = queryset.filter(
            Q(consent_kind__isnull=True) | ~Q(consent_kind=ConsentRecord.Kind.GIVEN) | Q(consent_review_due__lte=soon)
        )
    if filters.nearing_adults:
        queryset = queryset.filter(_nearing_adults_q(filters.area_ids, today))
    if filters.flagged_for_removal:
        queryset = queryset.filter(flagged_for_removal=True)
    if filters.query.strip():
        queryset = queryset.filter(search_q(filters.query))
    return queryset


def _nearing_adults_q(area_ids, today: date) -> Q:
    """People from 17½ (by each area's settings) up to the adults' register age."""
    condition = Q(pk__in=[])
    for area_id, settings in settings_for_each(RegisterSettings, area_ids).items():
        adult_from = today - relativedelta(years=settings.adult_register_age)
        flag_until = adult_from + relativedelta(months=settings.transition_flag_months)
        condition |= Q(area_id=area_id, person__date_of_birth__gt=adult_from, person__date_of_birth__lte=flag_until)
    return condition


def parse_birth_date(text: str) -> date | None:
    """A date of birth typed as 17/05/2012, 17-5-2012 or 2012-05-17; None if it is not one."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    parts = cleaned.split("/")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    if len(parts[0]) == 4:
        year, month, day = parts
    else:
        day, month, year = parts
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def searched_names(*, person: str = "person__") -> dict:
    """The lower-cased names `search_q` matches on, to annotate a queryset with before filtering
    by it; `person` as in `search_q`."""
    return {"sort_family": Lower(f"{person}family_name"), "sort_given": Lower(f"{person}given_name")}


def search_q(query: str, *, person: str = "person__") -> Q:
    """One search box: an NHS number, a date of birth, or names (typo-tolerant, every word must
    match a given or family name closely or as its start). Names are matched on the
    `searched_names` annotations; `person` is the path from
    the queried model to the person ("" when querying people)."""
    digits = normalise_nhs_number(query)
    if len(digits) == 10 and digits.isdigit():
        return Q(**{f"{person}nhs_number": digits})
    born = parse_birth_date(query)
    if born is not None:
        return Q(**{f"{person}date_of_birth": born})
    condition = Q()
    for word in query.lower().split()[:4]:
        # `trigram_similar` is pg_trgm's % operator, and LIKE 'x%' also uses the trigram
        # indexes on lower(family_name) and lower(given_name).
        condition &= (
            Q(sort_family__trigram_similar=word)
            | Q(sort_given__trigram_similar=word)
            | Q(sort_family__startswith=word)
            | Q(sort_given__startswith=word)
        )
    return condition


def _keys(sort: str) -> list[tuple[str, bool]]:
    return [*SORTS.get(sort, SORTS["name"])[1], ("id", False)]


def _encode_cursor(row: RegisterEntry, keys, direction: str) -> str:
    values = [getattr(row, name) for name, _ in keys]
    values = [value.isoformat() if isinstance(value, date) else value for value in values]
    raw = json.dumps({"d": direction, "v": values}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, keys) -> tuple[str, list] | None:
    """(direction, values) from a cursor made by this module, or None if it is not one."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        direction, values = data["d"], data["v"]
        if direction not in ("after", "before") or len(values) != len(keys):
            return None
        parsed = []
        for (name, _), value in zip(keys, values, strict=True):
            if name in _DATE_KEYS:
                parsed.append(date.fromisoformat(value))
            elif name in ("id", "rating_rank"):
                parsed.append(int(value))
            else:
                parsed.append(str(value))
        return direction, parsed
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _beyond(keys, values, *, forward: bool) -> Q:
    """Rows strictly after (forward) or before the row with `values`, in the order of `keys`."""
    condition = Q(pk__in=[])
    for position, (name, descending) in enumerate(keys):
        later = "lt" if descending == forward else "gt"
        same_before = {keys[i][0]: values[i] for i in range(position)}
        condition |= Q(**same_before, **{f"{name}__{later}": values[position]})
    return condition


def _order(keys, *, forward: bool) -> list[str]:
    return [("-" if descending == forward else "") + name for name, descending in keys]


def register_page(
    filters: RegisterFilters, *, cursor: str = "", size: int = 50, queryset: QuerySet | None = None
) -> RegisterPage:
    """One page of the filtered, sorted register: two queries (the capped count and the rows)."""
    matching = filter_entries(annotated_entries(queryset), filters)
    keys = _keys(filters.sort)
    decoded = decode_cursor(cursor, keys) if cursor else None
    forward = decoded is None or decoded[0] == "after"
    rows_query = matching
    if decoded is not None:
        rows_query = rows_query.filter(_beyond(keys, decoded[1], forward=forward))
    rows = list(rows_query.order_by(*_order(keys, forward=forward))[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if not forward:
        rows.reverse()
    total = matching.order_by()[: COUNT_CAP + 1].count()
    has_next = more if forward else decoded is not None
    has_previous = decoded is not None if forward else more
    return RegisterPage(
        rows=rows,
        next_cursor=_encode_cursor(rows[-1], keys, "after") if rows and has_next else None,
        previous_cursor=_encode_cursor(rows[0], keys, "before") if rows and has_previous else None,
        total=min(total, COUNT_CAP),
        total_capped=total > COUNT_CAP,
    )


def all_matching(filters: RegisterFilters, *, queryset: QuerySet | None = None) -> QuerySet[RegisterEntry]:
    """Every matching entry in the chosen order (exports stream this)."""
    keys = _keys(filters.sort)
    return filter_entries(annotated_entries(queryset), filters).order_by(*_order(keys, forward=True))


def decorate_rows(rows, *, today: date | None = None) -> None:
    """Attach each row's area, age, 17½ flag (by its area's settings) and whether consent is
    due: two queries whatever the number of rows."""
    from areas.models import Area

    today = today or timezone.localdate()
    area_ids = {row.area_id for row in rows}
    settings = settings_for_each(RegisterSettings, area_ids)
    areas = Area.objects.in_bulk(area_ids)
    for row in rows:
        row.area = areas[row.area_id]
        area_settings = settings[row.area_id]
        row.nearing_adults = rules.is_nearing_adult_register(
            row.person.date_of_birth,
            today,
            adult_age=area_settings.adult_register_age,
            months_before=area_settings.transition_flag_months,
        )
        row.age = row.person.age_on(today)
        row.consent_due = rules.consent_is_due(row.consent_kind, row.consent_review_due, today)
