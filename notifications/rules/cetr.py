"""C(E)TR reminders, to the area's C(E)TR coordinators (and an action's owner when they have an
account): deadlines approaching and missed (the review's own `due_by`, which the C(E)TR app
works out in working days), repeat inpatient reviews coming due, papers due before a
scheduled review, reports overdue, and actions due soon or overdue."""

from areas.roles import Role
from cetr.models import Action, CetrSettings, Review
from cetr.models.actions import UNRESOLVED_STATUSES
from cetr.models.review import INPATIENT_KINDS
from dsr.capabilities import VIEW_REGISTER
from dsr.models import InpatientEpisode, Person, RegisterSettings
from notifications.models import NotificationSettings
from notifications.rules import Rule, needs_settings, page, register

REVIEW = Review._meta.db_table
ACTION = Action._meta.db_table
EPISODE = InpatientEpisode._meta.db_table
PERSON = Person._meta.db_table
CETR_SETTINGS = CetrSettings._meta.db_table
REGISTER_SETTINGS = RegisterSettings._meta.db_table
SETTINGS = NotificationSettings._meta.db_table

COORDINATORS = frozenset({Role.CETR_COORDINATOR})
# A review's status follows from its dates (cetr.models.Review.status): requested or scheduled
# is "not held, not cancelled".
INPATIENT = "(" + ", ".join(f"'{kind}'" for kind in INPATIENT_KINDS) + ")"
UNRESOLVED = [str(status) for status in UNRESOLVED_STATUSES]

needs_settings(CetrSettings)

REVIEW_PAGE = page("cetr:review")
EPISODE_PAGE = page("cetr:person")
ACTION_PAGE = page("cetr:action")


def review_link(notification) -> str | None:
    return REVIEW_PAGE(pk=notification.subject_id)


def episode_link(notification) -> str | None:
    return EPISODE_PAGE(pk=notification.person_id)


def action_link(notification) -> str | None:
    return ACTION_PAGE(pk=notification.subject_id)


register(
    Rule(
        code="cetr_deadline_soon",
        kind="A C(E)TR deadline is approaching",
        roles=COORDINATORS,
        link=review_link,
        sql=f"""
        SELECT r.id AS subject_id, r.area_id, r.person_id, r.due_by AS due_on
          FROM {REVIEW} r JOIN {SETTINGS} s ON s.area_id = r.area_id
         WHERE r.cancelled_on IS NULL AND r.held_on IS NULL
           AND %(today)s BETWEEN r.due_by - s.cetr_warning_days AND r.due_by
        """,
    )
)

register(
    Rule(
        code="cetr_deadline_missed",
        kind="A C(E)TR deadline has been missed",
        roles=COORDINATORS,
        link=review_link,
        sql=f"""
        SELECT r.id AS subject_id, r.area_id, r.person_id, r.due_by AS due_on
          FROM {REVIEW} r WHERE r.cancelled_on IS NULL AND r.held_on IS NULL AND r.due_by < %(today)s
        """,
    )
)

# The next repeat review of a current inpatient falls due an interval after the last review
# held in the episode (3 months for a child, 6 or 12 for an adult by setting), as in
# cetr.rules.next_inpatient_review; nothing is sent while a review is already requested.
register(
    Rule(
        code="cetr_repeat_due",
        kind="A repeat inpatient C(E)TR is due soon",
        roles=COORDINATORS,
        link=episode_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM (
          SELECT ep.id AS subject_id, ep.area_id, ep.person_id, s.cetr_warning_days AS warning_days,
                 (last.held_on + make_interval(months => CASE
                    WHEN (p.date_of_birth + make_interval(years => 18))::date > last.held_on THEN cs.repeat_child_months
                    WHEN ep.secure THEN cs.repeat_adult_secure_months ELSE cs.repeat_adult_months END))::date AS due_on
            FROM {EPISODE} ep
            JOIN {PERSON} p ON p.id = ep.person_id
            JOIN {SETTINGS} s ON s.area_id = ep.area_id
            JOIN {CETR_SETTINGS} cs ON cs.area_id = ep.area_id
            CROSS JOIN LATERAL (
              SELECT max(held_on) AS held_on FROM {REVIEW}
               WHERE episode_id = ep.id AND kind IN {INPATIENT} AND held_on IS NOT NULL
            ) last
           WHERE ep.discharged_on IS NULL AND last.held_on IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM {REVIEW} pending WHERE pending.episode_id = ep.id
                                AND pending.cancelled_on IS NULL AND pending.held_on IS NULL)
        ) d
         WHERE %(today)s >= due_on - warning_days
        """,
    )
)

# Papers are due a number of hours before the review (24 nationally); the reminder comes a
# couple of days ahead of that day, so a weekend or bank holiday before it is covered.
register(
    Rule(
        code="cetr_papers_due",
        kind="Papers for a C(E)TR panel are due",
        roles=COORDINATORS,
        link=review_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM (
          SELECT r.id AS subject_id, r.area_id, r.person_id, s.cetr_papers_warning_days AS warning_days,
                 ((r.scheduled_at - make_interval(hours => cs.papers_hours_before))
                    AT TIME ZONE 'Europe/London')::date AS due_on,
                 (r.scheduled_at AT TIME ZONE 'Europe/London')::date AS review_on
            FROM {REVIEW} r
            JOIN {SETTINGS} s ON s.area_id = r.area_id
            JOIN {CETR_SETTINGS} cs ON cs.area_id = r.area_id
           WHERE r.cancelled_on IS NULL AND r.held_on IS NULL AND r.scheduled_at IS NOT NULL
             AND r.papers_sent_on IS NULL
        ) d
         WHERE %(today)s BETWEEN due_on - warning_days AND review_on
        """,
    )
)

register(
    Rule(
        code="cetr_report_overdue",
        kind="A C(E)TR report is overdue",
        roles=COORDINATORS,
        link=review_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM (
          SELECT r.id AS subject_id, r.area_id, r.person_id, r.held_on + cs.report_days_after AS due_on
            FROM {REVIEW} r JOIN {CETR_SETTINGS} cs ON cs.area_id = r.area_id
           WHERE r.held_on IS NOT NULL AND r.report_issued_on IS NULL AND r.cancelled_on IS NULL
        ) d
         WHERE due_on < %(today)s
        """,
    )
)

# Actions: "due soon" is the C(E)TR app's own per-area window (CetrSettings.action_due_soon_days).
_ACTION_DUE_SOON = f"""
    SELECT a.id AS subject_id, a.area_id, a.person_id, a.due_on{{owner}}
      FROM {ACTION} a JOIN {CETR_SETTINGS} cs ON cs.area_id = a.area_id
     WHERE a.status = ANY(%(unresolved)s) AND %(today)s BETWEEN a.due_on - cs.action_due_soon_days AND a.due_on
"""
_ACTION_OVERDUE = f"""
    SELECT a.id AS subject_id, a.area_id, a.person_id, a.due_on{{owner}}
      FROM {ACTION} a WHERE a.status = ANY(%(unresolved)s) AND a.due_on < %(today)s
"""
OWNER = ", a.owner_user_id AS recipient_id"
OWNER_ROLES = VIEW_REGISTER.roles  # an owner with an account works in the area in some role

for code, kind, sql in (
    ("cetr_action_due_soon", "A C(E)TR action is due soon", _ACTION_DUE_SOON),
    ("cetr_action_overdue", "A C(E)TR action is overdue", _ACTION_OVERDUE),
):
    register(
        Rule(
            code=code,
            kind=kind,
            roles=COORDINATORS,
            link=action_link,
            sql=sql.format(owner=""),
            params={"unresolved": UNRESOLVED},
        )
    )
    register(
        Rule(
            code=f"{code}_owner",
            kind=f"{kind} (you own it)",
            roles=OWNER_ROLES,
            personal=True,
            link=action_link,
            sql=sql.format(owner=OWNER),
            params={"unresolved": UNRESOLVED},
        )
    )
