"""Synthetic C(E)TRs at national scale: a post-admission review (and a repeat for longer stays)
for every admission, community reviews for a share of the red and amber entries, each with
its core panel, recommendations and actions in every state."""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from areas.selectors import settings_for
from cetr import rules
from cetr.models import (
    Action,
    ActionStatus,
    Attendance,
    CetrSettings,
    Escalation,
    PanelMember,
    PanelRole,
    Recommendation,
    Review,
    ReviewKind,
)
from dsr.models import InpatientEpisode, Rating, RegisterEntry

COMMUNITY_SHARE = {Rating.RED: 0.4, Rating.AMBER: 0.1}
REPORT_DAYS = 14  # report issued two weeks after the review (the national default)
PANEL = [
    (PanelRole.CHAIR, "Synthetic Chair", "Synthetic ICB"),
    (PanelRole.CLINICAL_EXPERT, "Dr Synthetic Expert", "Synthetic Clinical Experts"),
    (PanelRole.EXPERT_BY_EXPERIENCE, "Synthetic Expert by Experience", "Synthetic Experts by Experience"),
]


def _review(entry_or_episode, kind: str, requested_on: date, rng: random.Random, today: date, **fields) -> Review:
    """A review requested on `requested_on`: held (and its report issued) if that is long
    enough ago, otherwise scheduled in the coming weeks; a few are cancelled."""
    person = entry_or_episode.person
    held_on = requested_on + timedelta(days=rng.randint(3, 30))
    review = Review(
        area_id=entry_or_episode.area_id,
        person=person,
        kind=kind,
        requested_on=requested_on,
        variant=rules.review_variant(
            date_of_birth=person.date_of_birth, has_ehc_plan=person.has_ehc_plan, on=requested_on
        ),
        **fields,
    )
    if rng.random() < 0.03:
        review.cancelled_on, review.cancel_reason = min(held_on, today), "Synthetic: no longer needed."
    elif held_on < today:
        review.scheduled_at = timezone.make_aware(datetime.combine(held_on, time(10)))
        review.held_on = held_on
        review.person_attendance = review.family_attendance = Attendance.ATTENDED
        review.summary = "Synthetic review summary."
        if held_on + timedelta(days=REPORT_DAYS) <= today:
            review.report_issued_on = held_on + timedelta(days=REPORT_DAYS)
    else:
        review.scheduled_at = timezone.make_aware(datetime.combine(held_on, time(14)))
    return review


def seed_reviews(
    rng: random.Random, entries: list[RegisterEntry], episodes: list[InpatientEpisode], coordinator_id: int, today: date
) -> None:
    area_settings = settings_for(CetrSettings, entries[0].area_id) if entries else None
    reviews = []
    for episode in episodes:
        child = rules.is_child(episode.person.date_of_birth, episode.admitted_on)
        due = rules.post_admission_due(admitted_on=episode.admitted_on, child=child, settings=area_settings)
        first = _review(
            episode,
            ReviewKind.POST_ADMISSION,
            episode.admitted_on,
            rng,
            today,
            episode=episode,
            due_by=due,
            created_by_id=coordinator_id,
        )
        reviews.append(first)
        if first.held_on:
            repeat_due = rules.repeat_review_due(
                last_held_on=first.held_on, child=child, secure=episode.secure, settings=area_settings
            )
            if repeat_due - timedelta(days=28) < today:
                reviews.append(
                    _review(
                        episode,
                        ReviewKind.INPATIENT_REPEAT,
                        repeat_due - timedelta(days=28),
                        rng,
                        today,
                        episode=episode,
                        due_by=repeat_due,
                        created_by_id=coordinator_id,
                    )
                )
    for entry in entries:
        if rng.random() < COMMUNITY_SHARE.get(entry.current_rating, 0):
            requested = min(entry.added_on + timedelta(days=rng.randint(0, 365)), today)
            reviews.append(_review(entry, ReviewKind.COMMUNITY, requested, rng, today, created_by_id=coordinator_id))
    Review.objects.bulk_create(reviews, batch_size=5000)
    held = [review for review in reviews if review.held_on]
    PanelMember.objects.bulk_create(
        (
            PanelMember(
                area_id=review.area_id,
                review=review,
                person_id=review.person_id,
                role=role,
                name=name,
                organisation=organisation,
                invited_on=review.requested_on,
                attended=True,
            )
            for review in held
            for role, name, organisation in PANEL
        ),
        batch_size=5000,
    )
    _seed_actions(rng, held, coordinator_id, today)


def _seed_actions(rng: random.Random, held: list[Review], coordinator_id: int, today: date) -> None:
    """Two or three recommendations per review held, one or two actions each: most of the old
    ones done, the rest open, in progress or overdue, and a few escalated."""
    recommendations = [
        Recommendation(area_id=review.area_id, review=review, person_id=review.person_id, text="Synthetic advice.")
        for review in held
        for _ in range(rng.randint(2, 3))
    ]
    Recommendation.objects.bulk_create(recommendations, batch_size=5000)
    actions = []
    for recommendation in recommendations:
        held_on = recommendation.review.held_on
        for _ in range(rng.randint(1, 2)):
            action = Action(
                area_id=recommendation.area_id,
                recommendation=recommendation,
                person_id=recommendation.person_id,
                description="Synthetic action.",
                owner_name="Synthetic Owner",
                owner_organisation="Synthetic Services",
                due_on=held_on + timedelta(days=rng.randint(14, 120)),
            )
            chance = rng.random()
            if action.due_on < today and chance < 0.7:
                action.status, action.evidence = ActionStatus.DONE, "Synthetic evidence."
                action.completed_on = min(action.due_on, today)
            elif action.due_on < today and chance < 0.73:
                action.status = ActionStatus.ESCALATED
            else:
                action.status = rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
            actions.append(action)
    Action.objects.bulk_create(actions, batch_size=5000)
    Escalation.objects.bulk_create(
        (
            Escalation(
                area_id=action.area_id,
                action=action,
                person_id=action.person_id,
                panel_name="Synthetic oversight panel",
                escalated_on=action.due_on,
                reason="Synthetic: overdue.",
                escalated_by_id=coordinator_id,
            )
            for action in actions
            if action.status == ActionStatus.ESCALATED
        ),
        batch_size=5000,
    )


def coordinator_id(slug: str) -> int:
    return get_user_model().objects.get(username=f"cetr_coordinator.{slug}").id
