"""Synthetic keyworking at national scale: enough keyworkers for realistic caseloads, and each
allocation's contact log, goals, hope score and outcomes at allocation."""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.utils import timezone

from areas.models import AreaRoleGrant
from areas.roles import Role
from dsr.models import Allocation
from keyworking.models import Activity, ContactMode, ContactWith, Goal, HopeScore, OutcomePoint, OutcomeRating
from keyworking.models import Contact as KeyworkingContact
from keyworking.models.outcomes import OUTCOME_FIELDS

# register.seed_histories allocates about a fifth of the people; at ~20 cases per keyworker
# that is one keyworker per 100 people. Without them the one demo keyworker of an area would
# hold thousands of cases, and the caseload page would measure an impossible caseload.
PEOPLE_PER_KEYWORKER = 100
CONTACT_MONTHS = 6  # the contact log seeded: the last six months of each case, 1–3 a month
MODES = list(ContactMode)
WITH_WHOM = list(ContactWith)
ACTIVITIES = list(Activity)
DURATIONS = (15, 30, 45, 60, 90)


def synthetic_keyworkers(area, people: int) -> None:
    """Keyworker accounts `kw-scale.<slug>.<n>` holding the keyworker role in the area. They
    never sign in (unusable password); existing ones are kept, so a re-run adds none."""
    users = get_user_model()
    wanted = [f"kw-scale.{area.slug}.{n}" for n in range(1, people // PEOPLE_PER_KEYWORKER + 1)]
    existing = set(users.objects.filter(username__in=wanted).values_list("username", flat=True))
    password = make_password(None)  # unusable, and hashed once rather than per user
    made = users.objects.bulk_create(
        users(username=name, first_name="Synthetic", last_name=f"Keyworker {name.rsplit('.', 1)[1]}", password=password)
        for name in wanted
        if name not in existing
    )
    permission = Permission.objects.get(content_type__app_label="areas", codename=Role.KEYWORKER.value)
    AreaRoleGrant.objects.bulk_create(
        AreaRoleGrant(content_object=area, user=user, permission=permission) for user in made
    )


def _moment(rng: random.Random, day: date):
    return timezone.make_aware(datetime.combine(day, time(rng.randint(8, 17), rng.choice((0, 15, 30, 45)))))


def seed_casework(rng: random.Random, allocations: list[Allocation], today: date) -> None:
    """Each open allocation's recent contacts (created when they happened, so past the edit
    window), one or two goals, a hope score and the outcomes rated at allocation."""
    contacts, goals, hopes, outcomes = [], [], [], []
    for allocation in allocations:
        common = {"area_id": allocation.area_id, "allocation": allocation, "person_id": allocation.person_id}
        keyworker = allocation.keyworker_id
        since = max(allocation.allocated_on, today - timedelta(days=30 * CONTACT_MONTHS))
        months = max(1, (today - since).days // 30)
        for _ in range(sum(rng.randint(1, 3) for _ in range(months))):
            occurred = min(_moment(rng, since + timedelta(days=rng.randint(0, (today - since).days))), timezone.now())
            contacts.append(
                KeyworkingContact(
                    **common,
                    occurred_at=occurred,
                    mode=rng.choice(MODES),
                    with_whom=rng.sample(WITH_WHOM, rng.randint(1, 2)),
                    duration_minutes=rng.choice(DURATIONS),
                    activities=rng.sample(ACTIVITIES, rng.randint(1, 2)),
                    notes="Synthetic contact.",
                    author_id=keyworker,
                    created_at=occurred,
                )
            )
        for _ in range(rng.randint(1, 2)):
            goals.append(
                Goal(
                    **common,
                    description="Synthetic goal",
                    agreed_on=allocation.allocated_on,
                    target_on=allocation.allocated_on + timedelta(days=rng.randint(60, 365)),
                    created_by_id=keyworker,
                )
            )
        hopes.append(
            HopeScore(**common, recorded_on=allocation.allocated_on, score=rng.randint(0, 10), recorded_by_id=keyworker)
        )
        outcomes.append(
            OutcomeRating(
                **common,
                point=OutcomePoint.ALLOCATION,
                rated_on=allocation.allocated_on,
                recorded_by_id=keyworker,
                **{field: rng.randint(1, 5) for field in OUTCOME_FIELDS},
            )
        )
    KeyworkingContact.objects.bulk_create(contacts, batch_size=5000)
    Goal.objects.bulk_create(goals, batch_size=5000)
    HopeScore.objects.bulk_create(hopes, batch_size=5000)
    OutcomeRating.objects.bulk_create(outcomes, batch_size=5000)
