"""Reading keyworking: settings, eligibility and the waiting list, allocations each user may
see, caseloads sorted by what needs attention, keyworkers' caseload weights, the budget, and
one area's keyworking in a month (for the dashboards' monthly figures)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from areas import access
from areas.access import users_with_role
from areas.roles import Role
from areas.selectors import settings_for, settings_for_each
from dsr.meetings.selectors import open_actions_for_people
from dsr.models import Allocation, RatingChange, RegisterEntry
from dsr.models.entry import EntryStatus
from dsr.selectors import entries_ever_on_register
from keyworking import rules
from keyworking.capabilities import OVERSEE_KEYWORKING, VIEW_ALLOCATIONS, VIEW_CASES, WORK_CASELOAD
from keyworking.models import Contact, EligibilityPolicy, HopeScore, KeyworkingSettings, OutcomeRating, Spend
from keyworking.models.eligibility import Cohort
from keyworking.models.outcomes import OUTCOME_FIELDS

ALLOCATABLE_STATUSES = (EntryStatus.ACCEPTED, EntryStatus.ACTIVE)


def weights(settings: KeyworkingSettings) -> dict[str, int]:
    return {rating: settings.weight(rating) for rating in ("blue", "red", "amber", "green")}


# ---------------------------------------------------------------------------- eligibility


def policies_for(area_ids) -> dict[int, list[rules.Policy]]:
    policies: dict[int, list[rules.Policy]] = defaultdict(list)
    for policy in EligibilityPolicy.objects.filter(area_id__in=list(area_ids)):
        policies[policy.area_id].append(as_terms(policy))
    return policies


def as_terms(policy: EligibilityPolicy) -> rules.Policy:
    return rules.Policy(
        effective_from=policy.effective_from,
        diagnoses=frozenset(policy.diagnoses),
        ratings=frozenset(policy.ratings),
        min_age=policy.min_age,
        max_age=policy.max_age,
        cohorts=frozenset(policy.cohorts),
    )


def person_facts(person) -> rules.PersonFacts:
    cohorts = {
        Cohort.RESIDENTIAL_CARE: person.residential_care,
        Cohort.LOOKED_AFTER: person.looked_after,
        Cohort.ADOPTED: person.adopted,
    }
    return rules.PersonFacts(
        date_of_birth=person.date_of_birth,
        diagnosis=person.diagnosis,
        cohorts=frozenset(cohort for cohort, held in cohorts.items() if held),
    )


def _rating_history(entry: RegisterEntry) -> list[tuple[date, str]]:
    return [(change.decided_on, change.rating) for change in entry.rating_changes.all()]


@dataclass(frozen=True)
class Eligibility:
    problem: str | None
    since: date | None


def eligibility(entry: RegisterEntry, policies: list[rules.Policy], today: date) -> Eligibility:
    """Whether the person on this entry is eligible today and, if so, since when."""
    facts = person_facts(entry.person)
    problem = rules.eligibility_problem(policies, facts, entry.current_rating, today)
    if problem:
        return Eligibility(problem, None)
    since = rules.eligible_since(policies, facts, _rating_history(entry), on_register_from=entry.added_on, today=today)
    return Eligibility(None, since)


def entry_eligibility(entry: RegisterEntry, today: date) -> Eligibility:
    return eligibility(entry, policies_for([entry.area_id])[entry.area_id], today)


@dataclass(frozen=True)
class Waiting:
    entry: RegisterEntry
    eligible_since: date
    waiting_days: int

    @property
    def person(self):
        return self.entry.person


def _with_rating_history(entries: QuerySet[RegisterEntry]) -> QuerySet[RegisterEntry]:
    history = RatingChange.objects.only("id", "entry_id", "decided_on", "rating")
    return entries.select_related("person").prefetch_related(Prefetch("rating_changes", queryset=history))


def waiting_list(area_ids: list[int], today: date) -> list[Waiting]:
    """People on the register, eligible today and not allocated, longest wait first."""
    entries = _with_rating_history(
        RegisterEntry.objects.filter(area_id__in=area_ids, status__in=ALLOCATABLE_STATUSES).exclude(
            person_id__in=Allocation.objects.filter(ended_on__isnull=True).values("person_id")
        )
    )
    policies = policies_for(area_ids)
    waiting = []
    for entry in entries:
        found = eligibility(entry, policies[entry.area_id], today)
        if found.since is not None:
            waiting.append(Waiting(entry, found.since, rules.waiting_days(found.since, today)))
    return sorted(waiting, key=lambda row: (-row.waiting_days, row.entry.person.family_name))


# ---------------------------------------------------------------------------- allocations


def visible_allocations(user) -> QuerySet[Allocation]:
    """Allocations the user may see: all of an area where they oversee, allocate or keep the
    register; only their own where they are a keyworker."""
    everything = access.area_ids_with(user, VIEW_ALLOCATIONS) + access.area_ids_with(user, OVERSEE_KEYWORKING)
    own = access.area_ids_with(user, WORK_CASELOAD)
    return Allocation.objects.filter(Q(area_id__in=everything) | Q(area_id__in=own, keyworker=user))


def case_or_404(user, pk: int) -> Allocation:
    """One allocation (a keyworking case) the user may open as a case record."""
    allowed = visible_allocations(user).filter(area_id__in=access.area_ids_with(user, VIEW_CASES))
    allocation = allowed.select_related("person", "entry", "keyworker", "allocated_by", "area").filter(pk=pk).first()
    if allocation is None:
        raise Http404("No such case.")
    return allocation


def may_work_case(user, allocation: Allocation) -> bool:
    """The allocated keyworker works the case; senior practitioners of the area may too."""
    return allocation.keyworker_id == user.id or access.has_capability(user, OVERSEE_KEYWORKING, allocation.area_id)


def area_allocations(area_id: int, *, open_only: bool = True) -> QuerySet[Allocation]:
    allocations = Allocation.objects.filter(area_id=area_id).select_related("person", "entry", "keyworker")
    if open_only:
        allocations = allocations.filter(ended_on__isnull=True)
    return allocations.annotate(last_contact=Max("contacts__occurred_at")).order_by(
        "keyworker__last_name", "person__family_name"
    )


@dataclass
class KeyworkerLoad:
    user: object
    cases: int = 0
    weight: int = 0
    by_rating: dict[str, int] = field(default_factory=dict)


def keyworker_loads(area_id: int) -> list[KeyworkerLoad]:
    """Each keyworker of the area with their open caseload here and its weight by rating."""
    settings = settings_for(KeyworkingSettings, area_id)
    loads = {
        user.id: KeyworkerLoad(user)
        for user in users_with_role(Role.KEYWORKER, [area_id]).order_by("last_name", "first_name", "username")
    }
    counts = (
        Allocation.objects.filter(area_id=area_id, ended_on__isnull=True, keyworker_id__in=list(loads))
        .values("keyworker_id", "entry__current_rating")
        .annotate(cases=Count("id"))
    )
    for row in counts:
        load = loads[row["keyworker_id"]]
        rating = row["entry__current_rating"] or "green"
        load.cases += row["cases"]
        load.by_rating[rating] = load.by_rating.get(rating, 0) + row["cases"]
        load.weight += rules.caseload_weight([rating], weights(settings)) * row["cases"]
    return list(loads.values())


def keyworker_in_area(area_id: int, user_id: int):
    return users_with_role(Role.KEYWORKER, [area_id]).filter(pk=user_id).first()


# ---------------------------------------------------------------------------- caseload


@dataclass
class DueItem:
    label: str
    due_on: date

    def overdue_on(self, today: date) -> bool:
        return self.due_on < today


@dataclass
class Case:
    allocation: Allocation
    last_contact: object
    due: list[DueItem]
    next_actions: list
    attention: rules.Attention

    @property
    def rating(self) -> str:
        return self.allocation.entry.current_rating


def _review_due(allocation: Allocation, settings: KeyworkingSettings) -> date:
    reviewed = allocation.last_outcome_on or allocation.allocated_on
    return reviewed + timedelta(days=settings.review_days)


def caseload(allocations: QuerySet[Allocation], today: date) -> list[Case]:
    """Cases with their last contact, next actions and due items, most in need of attention
    first. A fixed number of queries whatever the caseload's size."""
    rows = list(
        allocations.filter(ended_on__isnull=True)
        .select_related("person", "entry", "keyworker", "area")
        .annotate(
            last_contact=Max("contacts__occurred_at"),
            last_outcome_on=Max("outcome_ratings__rated_on"),
            next_goal_on=Max("goals__target_on", filter=Q(goals__status="active")),
        )
    )
    settings = settings_for_each(KeyworkingSettings, {row.area_id for row in rows})
    actions = defaultdict(list)
    for action in open_actions_for_people(row.person_id for row in rows):
        actions[action.person_id].append(action)
    cases = []
    for row in rows:
        area_settings = settings[row.area_id]
        due = [DueItem("Keyworking review (outcomes)", _review_due(row, area_settings))]
        if row.entry.next_review_due:
            due.append(DueItem("Register review", row.entry.next_review_due))
        if row.next_goal_on:
            due.append(DueItem("Goal hoped for", row.next_goal_on))
        last_contact_day = row.last_contact.date() if row.last_contact else None
        contact_from = last_contact_day or row.allocated_on
        due.append(DueItem("Contact", contact_from + timedelta(days=area_settings.contact_due_days)))
        person_actions = actions.get(row.person_id, [])
        due.extend(DueItem(f"Action: {action.description[:60]}", action.due_on) for action in person_actions)
        due.sort(key=lambda item: item.due_on)
        attention = rules.Attention(
            overdue=sum(item.overdue_on(today) for item in due),
            rating=row.entry.current_rating,
            days_since_contact=(today - last_contact_day).days if last_contact_day else None,
        )
        cases.append(Case(row, row.last_contact, due, person_actions[:3], attention))
    return sorted(cases, key=lambda case: (case.attention.sort_key(), case.allocation.person.family_name))


def my_caseload(user, today: date) -> list[Case]:
    own = Allocation.objects.filter(keyworker=user, area_id__in=access.area_ids_with(user, WORK_CASELOAD))
    return caseload(own, today)


def allocations_due_for_review(area_id: int, on: date) -> list[Allocation]:
    """Open allocations whose outcomes review falls due by `on` (for the meeting agenda)."""
    settings = settings_for(KeyworkingSettings, area_id)
    rows = Allocation.objects.filter(area_id=area_id, ended_on__isnull=True).annotate(
        last_outcome_on=Max("outcome_ratings__rated_on")
    )
    return [row for row in rows if _review_due(row, settings) <= on]


# ---------------------------------------------------------------------------- money


def spent_this_year(area_id: int, today: date) -> Decimal:
    start = rules.financial_year_start(today)
    total = Spend.objects.filter(area_id=area_id, spent_on__gte=start).aggregate(total=Sum("amount"))["total"]
    return total or Decimal("0.00")


# ---------------------------------------------------------------------------- figures
# One area's keyworking up to a day or within a month, for the dashboards' monthly figures
# (dashboards.collect, in a system scope).


def entries_with_person_facts(area_id: int, *, added_by: date) -> QuerySet[RegisterEntry]:
    """dsr.selectors.entries_ever_on_register with only what person_facts and the dates need."""
    return (
        entries_ever_on_register(area_id, added_by=added_by)
        .select_related("person")
        .only(
            "id",
            "added_on",
            "removed_on",
            "person_id",
            "person__date_of_birth",
            "person__diagnosis",
            "person__looked_after",
            "person__adopted",
            "person__residential_care",
        )
    )


def allocations_made_by(area_id: int, day: date) -> list[dict]:
    """The area's allocations made on or before `day`, ended or not, as rows (person_id,
    keyworker_id, eligible_since, allocated_on, ended_on)."""
    return list(
        Allocation.objects.filter(area_id=area_id, allocated_on__lte=day).values(
            "person_id", "keyworker_id", "eligible_since", "allocated_on", "ended_on"
        )
    )


def contact_count(area_id: int, start: datetime, end: datetime) -> int:
    """How many contacts the area's keyworkers logged as happening from `start` until `end`."""
    return Contact.objects.filter(area_id=area_id, occurred_at__gte=start, occurred_at__lt=end).count()


def hope_scores(area_id: int, first: date, last: date) -> QuerySet:
    """The hope scores recorded in the area from `first` to `last` (the scores alone)."""
    return HopeScore.objects.filter(area_id=area_id, recorded_on__range=(first, last)).values_list("score", flat=True)


def outcome_scores(area_id: int, first: date, last: date) -> QuerySet:
    """The national outcomes rated in the area from `first` to `last`: one {outcome: score or
    None} per rating, the outcomes in OUTCOME_FIELDS' order."""
    return OutcomeRating.objects.filter(area_id=area_id, rated_on__range=(first, last)).values(*OUTCOME_FIELDS)
