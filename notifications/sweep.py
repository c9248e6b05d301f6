"""The sweep: every rule evaluated as one set-based INSERT … ON CONFLICT DO NOTHING into the
ledger, then everything waiting to be sent claimed for delivery.

Safe to run repeatedly and concurrently: the ledger's unique key admits each reminder once, a
claim is a conditional UPDATE that only one sweep wins, and rows claimed by a sweep (or worker)
that died before sending are claimed again once their claim is older than RECLAIM_AFTER.
Runs inside `system_scope()` (one transaction), from notifications.tasks.
"""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection

from areas.models import Area, AreaRoleGrant
from areas.services import settings_ensure
from dsr.models.entry import OPEN_STATUSES
from notifications import rules
from notifications.models import Notification

LEDGER = Notification._meta.db_table


def reclaim_after() -> timedelta:
    """How old a claim must be before another sweep may take it over (the sender is presumed
    dead). Longer than any delivery batch takes; the setting exists for the reliability tests."""
    return timedelta(seconds=getattr(settings, "NOTIFICATIONS_RECLAIM_AFTER_SECONDS", 10 * 60))


# Who holds which role where: the same test as areas.access.users_with_role, as a join.
ROLE_HOLDERS = f"""
    SELECT g.content_object_id AS area_id, g.user_id AS recipient_id
      FROM {AreaRoleGrant._meta.db_table} g
      JOIN {Permission._meta.db_table} p ON p.id = g.permission_id
      JOIN {get_user_model()._meta.db_table} u ON u.id = g.user_id
     WHERE u.is_active AND p.codename = ANY(%(roles)s)
"""


def ensure_settings() -> None:
    """Every area gets its settings rows (national defaults) so the rules can join them."""
    area_ids = list(Area.objects.values_list("id", flat=True))
    for model in rules.settings_models():
        settings_ensure(model, area_ids)


def insert_due(rule: rules.Rule, today: date) -> list[int]:
    """Write (and so claim) the rule's reminders due today; return the ids of new rows only."""
    match = "r.area_id = d.area_id" + (" AND r.recipient_id = d.recipient_id" if rule.personal else "")
    # NOT EXISTS skips, cheaply, what earlier sweeps wrote; ON CONFLICT settles a race with a
    # sweep running at the same moment. Ordered, so that two sweeps at once take the unique
    # index's locks in the same order and one waits for the other rather than deadlocking.
    sql = f"""
        INSERT INTO {LEDGER}
               (rule, subject_id, area_id, person_id, due_on, recipient_id, created_at, claimed_at, email_due)
        SELECT DISTINCT %(rule)s, d.subject_id, d.area_id, d.person_id, d.due_on, r.recipient_id, now(), now(), false
          FROM ({rule.sql}) d JOIN ({ROLE_HOLDERS}) r ON {match}
         WHERE NOT EXISTS (
           SELECT 1 FROM {LEDGER} known
            WHERE known.rule = %(rule)s AND known.subject_id = d.subject_id
              AND known.due_on = d.due_on AND known.recipient_id = r.recipient_id)
         ORDER BY d.subject_id, d.due_on, r.recipient_id
        ON CONFLICT (rule, subject_id, due_on, recipient_id) DO NOTHING
        RETURNING id
    """
    params = {
        "rule": rule.code,
        "today": today,
        "open_statuses": [str(status) for status in OPEN_STATUSES],
        "roles": [role.value for role in rule.roles],
        **rule.params,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def reclaim_stale() -> list[int]:
    """Claim again the rows claimed long ago but never delivered (their sender died); rows
    another sweep is claiming right now are skipped, not waited for."""
    sql = f"""
        UPDATE {LEDGER} SET claimed_at = now()
         WHERE id IN (
           SELECT id FROM {LEDGER}
            WHERE delivered_at IS NULL AND withdrawn_at IS NULL
              AND (claimed_at IS NULL OR claimed_at < now() - %(reclaim_after)s)
            ORDER BY id
              FOR UPDATE SKIP LOCKED)
        RETURNING id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, {"reclaim_after": reclaim_after()})
        return sorted(row[0] for row in cursor.fetchall())


def sweep(*, today: date) -> list[int]:
    """Evaluate every rule for `today`; return the ids claimed for delivery by this sweep."""
    ensure_settings()
    claimed: list[int] = []
    for rule in rules.all_rules():
        claimed.extend(insert_due(rule, today))
    return claimed + reclaim_stale()
