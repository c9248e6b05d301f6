"""Referral reminders, to the area's DSR holders: a decision on an open referral coming up to
the area's target (ReferralSettings.decision_target_days from when it reached the area), and
past it. The person is not yet on the register, so these name nobody: the link is the referral."""

from areas.roles import Role
from notifications.models import NotificationSettings
from notifications.rules import Rule, needs_settings, page, register
from referrals.models import Referral, ReferralSettings
from referrals.models.choices import OPEN_STATUSES

REFERRAL = Referral._meta.db_table
REFERRAL_SETTINGS = ReferralSettings._meta.db_table
SETTINGS = NotificationSettings._meta.db_table
OPEN = [str(status) for status in OPEN_STATUSES]

needs_settings(ReferralSettings)

REFERRAL_PAGE = page("referrals:detail")


def referral_link(notification) -> str | None:
    return REFERRAL_PAGE(slug=notification.area.slug, pk=notification.subject_id)


# Person is left empty on purpose: an open referral's person may not be on the register yet.
_OPEN_REFERRALS = f"""
    SELECT r.id AS subject_id, r.area_id, NULL::bigint AS person_id, s.referral_warning_days,
           (r.arrived_at AT TIME ZONE 'Europe/London')::date + rs.decision_target_days AS due_on
      FROM {REFERRAL} r
      JOIN {SETTINGS} s ON s.area_id = r.area_id
      JOIN {REFERRAL_SETTINGS} rs ON rs.area_id = r.area_id
     WHERE r.status = ANY(%(open_referral)s)
"""

register(
    Rule(
        code="referral_decision_due",
        kind="A referral decision is due soon",
        roles=frozenset({Role.DSR_HOLDER}),
        link=referral_link,
        params={"open_referral": OPEN},
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM ({_OPEN_REFERRALS}) d
         WHERE %(today)s BETWEEN d.due_on - d.referral_warning_days AND d.due_on
        """,
    )
)

register(
    Rule(
        code="referral_decision_overdue",
        kind="A referral decision is past the area's target",
        roles=frozenset({Role.DSR_HOLDER}),
        link=referral_link,
        params={"open_referral": OPEN},
        sql=f"SELECT subject_id, area_id, person_id, due_on FROM ({_OPEN_REFERRALS}) d WHERE d.due_on < %(today)s",
    )
)
