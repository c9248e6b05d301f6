"""Reading C(E)TRs: settings, reviews, inpatients' next reviews, flagged admissions, actions,
people's histories, the case papers (with the consent gate), and one area's reviews, actions
and escalations as they stood on a day (for the dashboards' monthly figures)."""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from areas import access
from areas.rls import system_scope
from areas.selectors import settings_for
from cetr import rules
from cetr.capabilities import FOLLOW_UP_CASELOAD_ACTIONS, MANAGE_CETRS, VIEW_CETRS
from cetr.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    CetrSettings,
    EmergencyMeeting,
    Escalation,
    PanelMember,
    Recommendation,
    Review,
    ReviewKind,
    ReviewPaper,
)
from cetr.models.actions import UNRESOLVED_STATUSES
from cetr.models.review import INPATIENT_KINDS
from dsr.models import InpatientEpisode, Person
from dsr.selectors import caseload_person_ids, current_consent, open_entry


def reviews(user, capability=VIEW_CETRS) -> QuerySet[Review]:
    """C(E)TRs (never LAEP or blue-light meetings: they are another model) in the user's areas."""
    return access.scope(Review.objects.select_related("person", "area"), user, capability)


def area_reviews(area, *, show: str = "open") -> QuerySet[Review]:
    queryset = Review.objects.filter(area=area).select_related("person").annotate(panel_size=Count("panel"))
    if show == "open":
        queryset = queryset.filter(cancelled_on__isnull=True, report_issued_on__isnull=True)
    return queryset.order_by("scheduled_at", "requested_on", "id")


def review_for_page(user, review_id: int, capability=VIEW_CETRS) -> Review:
    """One review with everything its page shows, in a fixed number of queries."""
    queryset = Review.objects.select_related("person", "episode", "area", "created_by").prefetch_related(
        Prefetch("panel", queryset=PanelMember.objects.select_related("user").order_by("role", "name")),
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.prefetch_related(
                Prefetch("actions", queryset=Action.objects.order_by("due_on", "id"))
            ),
        ),
        Prefetch("papers", queryset=ReviewPaper.objects.only("id", "review_id", "title", "added_at")),
    )
    return access.get_or_404(queryset, user, capability, pk=review_id)


def review_counts(area_ids: list[int], *, since: date) -> dict:
    """C(E)TRs held since `since` by kind, and (separately, never added in) LAEP and blue-light
    meetings."""
    held = Review.objects.filter(area_id__in=area_ids, held_on__gte=since)
    by_kind = dict(held.values_list("kind").annotate(n=Count("id")).order_by())
    emergency = EmergencyMeeting.objects.filter(area_id__in=area_ids, held_on__gte=since).count()
    return {
        "total": sum(by_kind.values()),
        "by_kind": [(ReviewKind(kind).label, by_kind.get(kind, 0)) for kind in ReviewKind.values],
        "emergency_meetings": emergency,
    }


@dataclass(frozen=True)
class InpatientDue:
    episode: InpatientEpisode  # a plain row until with_records reads the record
    next_kind: str
    due_by: date
    scheduled: Review | None

    @property
    def next_kind_label(self) -> str:
        return ReviewKind(self.next_kind).label

    @property
    def overdue(self) -> bool:
        return self.due_by < timezone.localdate()


def _held_reviews_by_person(person_ids) -> dict[int, list]:
    """Each person's held reviews as rows (kind, held_on, episode_id): thousands on an area's
    page, so not model instances."""
    held: dict[int, list] = {}
    rows = Review.objects.filter(person_id__in=person_ids, held_on__isnull=False, cancelled_on__isnull=True)
    for review in rows.values_list("person_id", "kind", "held_on", "episode_id", named=True):
        held.setdefault(review.person_id, []).append(review)
    return held


def _community_held_dates(reviews_held: list) -> list[date]:
    return [review.held_on for review in reviews_held if review.kind == ReviewKind.COMMUNITY]


def inpatients_due(area) -> list[InpatientDue]:
    """Each current inpatient of the area with their next C(E)TR and when it is due, soonest
    first. The order needs every due date, so they are worked out from plain rows; only the
    rows shown are then read as records (`with_records`)."""
    settings = settings_for(CetrSettings, area.id)
    episodes = list(
        InpatientEpisode.objects.filter(area=area, discharged_on__isnull=True)
        .order_by("id")
        .values_list("id", "person_id", "admitted_on", "secure", "person__date_of_birth", named=True)
    )
    held = _held_reviews_by_person([episode.person_id for episode in episodes])
    due = []
    for episode in episodes:
        person_reviews = held.get(episode.person_id, [])
        community_held = not rules.needs_root_cause_review(
            admitted_on=episode.admitted_on,
            community_reviews_held=_community_held_dates(person_reviews),
            settings=settings,
        )
        following = rules.next_inpatient_review(
            admitted_on=episode.admitted_on,
            secure=episode.secure,
            date_of_birth=episode.person__date_of_birth,
            community_review_held=community_held,
            inpatient_reviews_held=[r.held_on for r in person_reviews if r.episode_id == episode.id],
            settings=settings,
        )
        due.append(InpatientDue(episode, following.kind, following.due_by, scheduled=None))
    return sorted(due, key=lambda item: item.due_by)


def with_records(items: list[InpatientDue]) -> list[InpatientDue]:
    """`items` (from inpatients_due) with their episodes and people, and each one's review in
    hand (the newest pending one), to show."""
    ids = [item.episode.id for item in items]
    episodes = InpatientEpisode.objects.select_related("person").in_bulk(ids)
    # Oldest first, so that each episode keeps its newest pending review.
    pending = {
        review.episode_id: review
        for review in Review.objects.filter(
            episode_id__in=ids, held_on__isnull=True, cancelled_on__isnull=True
        ).order_by("requested_on", "id")
    }
    return [replace(item, episode=episodes[item.episode.id], scheduled=pending.get(item.episode.id)) for item in items]


# ---------------------------------------------------------------------------- admissions


@dataclass(frozen=True)
class FlaggedAdmission:
    episode: InpatientEpisode
    post_admission_due: date


def _without_community_review(episodes: list, settings) -> list:
    """Those of `episodes` (anything with person_id and admitted_on) admitted with no community
    C(E)TR before them (cetr.rules.needs_root_cause_review)."""
    held = _held_reviews_by_person({episode.person_id for episode in episodes})
    return [
        episode
        for episode in episodes
        if rules.needs_root_cause_review(
            admitted_on=episode.admitted_on,
            community_reviews_held=_community_held_dates(held.get(episode.person_id, [])),
            settings=settings,
        )
    ]


def _admissions(area, *, outstanding_only: bool):
    episodes = InpatientEpisode.objects.filter(area=area)
    return episodes.filter(root_cause_review__isnull=True) if outstanding_only else episodes


def flagged_admissions(area, *, outstanding_only: bool = True) -> list[FlaggedAdmission]:
    """Admissions with no community C(E)TR before them: those still waiting for a root-cause
    review, or all of them."""
    settings = settings_for(CetrSettings, area.id)
    episodes = _admissions(area, outstanding_only=outstanding_only).select_related("person", "root_cause_review")
    flagged = _without_community_review(list(episodes.order_by("-admitted_on", "-id")), settings)
    return [
        FlaggedAdmission(
            episode,
            rules.post_admission_due(
                admitted_on=episode.admitted_on,
                child=rules.is_child(episode.person.date_of_birth, episode.admitted_on),
                settings=settings,
            ),
        )
        for episode in flagged
    ]


def outstanding_root_cause_count(area) -> int:
    """How many admissions still wait for a root-cause review: a count for the area's page, so
    read as plain rows."""
    rows = _admissions(area, outstanding_only=True).values_list("person_id", "admitted_on", named=True)
    return len(_without_community_review(list(rows), settings_for(CetrSettings, area.id)))


def episode_needs_root_cause_review(episode: InpatientEpisode) -> bool:
    held = _held_reviews_by_person([episode.person_id]).get(episode.person_id, [])
    return rules.needs_root_cause_review(
        admitted_on=episode.admitted_on,
        community_reviews_held=_community_held_dates(held),
        settings=settings_for(CetrSettings, episode.area_id),
    )


# ---------------------------------------------------------------------------- actions

ACTION_LISTS = {
    "due_soon": "Due soon",
    "overdue": "Overdue",
    "escalated": "Escalated",
    "unresolved": "All unresolved",
    "all": "All",
}


def _due_soon_days(area_ids) -> dict[int, int]:
    """Each area's "due soon" window in one query (the national default where unset)."""
    default = CetrSettings._meta.get_field("action_due_soon_days").default
    stored = dict(CetrSettings.objects.filter(area_id__in=area_ids).values_list("area_id", "action_due_soon_days"))
    return {area_id: stored.get(area_id, default) for area_id in area_ids}


def _action_list_filter(name: str, *, today: date, area_ids) -> Q:
    unresolved = Q(status__in=UNRESOLVED_STATUSES)
    if name == "due_soon":
        windows = Q(pk__in=[])
        for area_id, days in _due_soon_days(area_ids).items():
            windows |= Q(area_id=area_id, due_on__lte=today + timedelta(days=days))
        return unresolved & Q(due_on__gte=today) & windows
    if name == "overdue":
        return unresolved & Q(due_on__lt=today)
    if name == "escalated":
        return Q(status=ActionStatus.ESCALATED)
    if name == "unresolved":
        return unresolved
    return Q()


def _with_list_fields(queryset: QuerySet[Action]) -> QuerySet[Action]:
    return queryset.select_related("person", "recommendation__review", "owner_user")


def area_actions(area, *, show: str = "unresolved", owner: str = "") -> QuerySet[Action]:
    queryset = Action.objects.filter(area=area).filter(
        _action_list_filter(show, today=timezone.localdate(), area_ids=[area.id])
    )
    if owner:
        queryset = queryset.filter(Q(owner_name__iexact=owner) | Q(owner_organisation__iexact=owner))
    return _with_list_fields(queryset).order_by("due_on", "id")


def owners_summary(area) -> list[dict]:
    """Per owner (name and organisation): unresolved, overdue and escalated actions."""
    today = timezone.localdate()
    unresolved = Q(status__in=UNRESOLVED_STATUSES)
    return list(
        Action.objects.filter(area=area)
        .values("owner_name", "owner_organisation")
        .annotate(
            unresolved=Count("id", filter=unresolved),
            overdue=Count("id", filter=unresolved & Q(due_on__lt=today)),
            escalated=Count("id", filter=Q(status=ActionStatus.ESCALATED)),
        )
        .filter(unresolved__gt=0)
        .order_by("-overdue", "owner_name")
    )


def caseload_actions(user, *, show: str = "unresolved") -> QuerySet[Action]:
    """Actions about people on the keyworker's own caseload, in areas where they are a
    keyworker. Nothing else: keyworking does not coordinate C(E)TRs."""
    area_ids = access.area_ids_with(user, FOLLOW_UP_CASELOAD_ACTIONS)
    queryset = Action.objects.filter(area_id__in=area_ids, person_id__in=caseload_person_ids(user))
    return _with_list_fields(
        queryset.filter(_action_list_filter(show, today=timezone.localdate(), area_ids=area_ids))
    ).order_by("due_on", "id")


def visible_actions(user) -> QuerySet[Action]:
    """Every action the user may see: their areas' actions for C(E)TR roles, plus their
    caseload's actions as a keyworker."""
    area_ids = access.area_ids_with(user, VIEW_CETRS)
    keyworker_area_ids = access.area_ids_with(user, FOLLOW_UP_CASELOAD_ACTIONS)
    caseload = (
        Q(area_id__in=keyworker_area_ids, person_id__in=caseload_person_ids(user))
        if keyworker_area_ids
        else Q(pk__in=[])
    )
    return Action.objects.filter(Q(area_id__in=area_ids) | caseload)


def may_update_action(user, action: Action) -> bool:
    """The area's coordinator, or the keyworker of the person the action is about."""
    if access.has_capability(user, MANAGE_CETRS, action.area_id):
        return True
    return access.has_capability(user, FOLLOW_UP_CASELOAD_ACTIONS, action.area_id) and (
        action.person_id in caseload_person_ids(user)
    )


def action_for_page(user, action_id: int) -> Action:
    queryset = visible_actions(user).select_related("person", "recommendation__review", "owner_user", "area")
    queryset = queryset.prefetch_related("updates__recorded_by", "escalations")
    try:
        return queryset.get(pk=action_id)
    except Action.DoesNotExist:
        raise Http404("No such action.") from None


# ---------------------------------------------------------------------------- people


@dataclass
class PersonHistory:
    person: Person
    reviews: list[Review]
    emergency_meetings: list[EmergencyMeeting]
    admissions: list[tuple[InpatientEpisode, bool]]  # (episode, admitted without a community C(E)TR)
    actions: list[Action] = field(default_factory=list)


def person_history(user, person_id: int) -> PersonHistory:
    person = access.get_or_404(Person.objects.select_related("area"), user, VIEW_CETRS, pk=person_id)
    settings = settings_for(CetrSettings, person.area_id)
    person_reviews = list(
        Review.objects.filter(person=person).select_related("episode").order_by("-requested_on", "-id")
    )
    community = [
        r.held_on for r in person_reviews if r.kind == ReviewKind.COMMUNITY and r.held_on and not r.cancelled_on
    ]
    episodes = list(InpatientEpisode.objects.filter(person=person).select_related("root_cause_review"))
    admissions = [
        (
            episode,
            rules.needs_root_cause_review(
                admitted_on=episode.admitted_on, community_reviews_held=community, settings=settings
            ),
        )
        for episode in episodes
    ]
    return PersonHistory(
        person=person,
        reviews=person_reviews,
        emergency_meetings=list(EmergencyMeeting.objects.filter(person=person)),
        admissions=admissions,
        actions=list(
            Action.objects.filter(person=person).select_related("recommendation__review").order_by("due_on", "id")
        ),
    )


# ---------------------------------------------------------------------------- case papers


@dataclass
class CasePapers:
    """The case papers of one review, as one reader may see them.

    `refused` says why a panel member may not open them (then nothing else is filled in);
    `gate_warning` tells area staff that panel members cannot open them yet."""

    review: Review
    as_panel_member: bool
    refused: str | None = None
    gate_warning: str | None = None
    person: Person | None = None
    entry: object = None
    episode: InpatientEpisode | None = None
    papers: list[ReviewPaper] = field(default_factory=list)
    panel: list[PanelMember] = field(default_factory=list)


def papers_gate_reason(person: Person, today: date) -> str | None:
    """Why panel members may not open this person's case papers now, or None."""
    entry = open_entry(person)
    consent = current_consent(entry) if entry is not None else None
    return rules.papers_gate(
        consent_given=consent is not None, recheck_due=consent.review_due if consent else None, today=today
    )


def _fill(papers: CasePapers, review: Review) -> CasePapers:
    papers.person = review.person
    papers.entry = open_entry(review.person)
    papers.episode = review.episode
    papers.papers = list(review.papers.select_related("added_by"))
    papers.panel = list(review.panel.order_by("role", "name"))
    return papers


def case_papers(user, review_id: int) -> CasePapers:
    """The case papers of a review.

    Area staff who may view C(E)TRs see them always (they prepare them), with a warning while
    the consent gate is shut. Anyone else reaches them only as a panel member with an account
    who has been given access to this review: the papers of this one review and nothing else,
    and only while a consent or best-interests decision stands and the review is not finished.
    Such members hold no role in the area, so row-level security would hide the review from
    them: this is a deliberate, narrow exception (system scope) for exactly one review, and
    every byte it reads is loaded before the block ends.
    """
    today = timezone.localdate()
    staff_review = (
        access.scope(Review.objects.select_related("person", "episode", "area"), user, VIEW_CETRS)
        .filter(pk=review_id)
        .first()
    )
    if staff_review is not None:
        papers = CasePapers(
            staff_review, as_panel_member=False, gate_warning=papers_gate_reason(staff_review.person, today)
        )
        return _fill(papers, staff_review)
    with system_scope():
        member = (
            PanelMember.objects.select_related("review__person", "review__episode", "review__area")
            .filter(review_id=review_id, user=user, papers_access=True)
            .first()
        )
        if member is None:
            raise Http404("No such review.")
        review = member.review
        papers = CasePapers(review, as_panel_member=True)
        if review.cancelled_on or review.report_issued_on:
            papers.refused = (
                "This review is finished (its report is issued or it was cancelled), so its case papers are no "
                "longer open to the panel."
            )
            return papers
        papers.refused = papers_gate_reason(review.person, today)
        if papers.refused:
            return papers
        return _fill(papers, review)


def panel_places(user) -> list[PanelMember]:
    """The reviews on whose panel the user sits with access to the papers, in any area: only
    the review's date and venue leave this block, never the person's details."""
    with system_scope():
        return list(
            PanelMember.objects.filter(user=user, papers_access=True, review__cancelled_on__isnull=True)
            .select_related("review", "review__area")
            .order_by("-review__scheduled_at")
        )


# ---------------------------------------------------------------------------- figures
# One area's C(E)TRs up to a day, for the dashboards' monthly figures (dashboards.collect, in a
# system scope). Only C(E)TRs (Review) are read, never LAEP or blue-light meetings.


def inpatient_reviews_held(area_id: int) -> dict[int, list[date]]:
    """Held inpatient C(E)TRs (post-admission, repeat, triggered by a move) by episode, each
    episode's days in order."""
    held: dict[int, list[date]] = defaultdict(list)
    rows = Review.objects.filter(
        area_id=area_id, kind__in=INPATIENT_KINDS, held_on__isnull=False, cancelled_on__isnull=True
    ).values_list("episode_id", "held_on")
    for episode_id, held_on in rows:
        held[episode_id].append(held_on)
    return {episode_id: sorted(days) for episode_id, days in held.items()}


def _status_on(log: list[tuple[date, str, str]], current: str, day: date) -> str:
    """An action's status on `day`, from its follow-up log (the current status when it has none)."""
    if not log:
        return current
    status = log[0][1]  # what it was before its first update
    for recorded_on, _, status_to in log:
        if recorded_on <= day:
            status = status_to
    return status


def actions_unresolved_on(area_id: int, day: date) -> list[tuple[int, date]]:
    """(id, due on) of the area's actions unresolved on `day`: their status then, from their
    follow-up log. An action exists from the review that recommended it (records are often
    typed in later)."""
    log: dict[int, list[tuple[date, str, str]]] = defaultdict(list)
    updates = ActionUpdate.objects.filter(area_id=area_id).order_by("recorded_at", "id")
    for action_id, recorded_at, status_from, status_to in updates.values_list(
        "action_id", "recorded_at", "status_from", "status_to"
    ):
        log[action_id].append((timezone.localtime(recorded_at).date(), status_from, status_to))
    actions = Action.objects.filter(area_id=area_id, recommendation__review__held_on__lte=day).values_list(
        "id", "status", "due_on"
    )
    return [
        (action_id, due_on)
        for action_id, current, due_on in actions
        if _status_on(log.get(action_id), current, day) in UNRESOLVED_STATUSES
    ]


def escalations_made_by(area_id: int, day: date) -> QuerySet:
    """(escalated on, outcome on) of the area's escalations made on or before `day`."""
    return Escalation.objects.filter(area_id=area_id, escalated_on__lte=day).values_list("escalated_on", "outcome_on")
