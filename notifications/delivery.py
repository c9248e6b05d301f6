"""Sending claimed reminders: in-app, and by email at once or in the daily digest.

Each send is idempotent per ledger row: the row is locked (SKIP LOCKED, so two senders never
hold it together) and marked with a conditional `UPDATE … WHERE delivered_at IS NULL` in the
same transaction as the email leaves. A sender that dies before committing leaves the row
unsent and unlocked, and the next sweep claims it again. Recipients are checked against their
roles at sending time (areas.access.users_with_role): a revoked role receives nothing.

Emails carry no identifiable detail: only what kind of item it is and a link to sign in.
"""

import logging
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from areas.access import users_with_role
from areas.rls import system_scope
from notifications import rules
from notifications.models import DEFAULT_EMAIL_CHOICE, EmailChoice, Notification, NotificationPreference

logger = logging.getLogger(__name__)

WAITING = Q(delivered_at__isnull=True, withdrawn_at__isnull=True)


def site_url() -> str:
    """Where links in emails point. Set SITE_URL in production."""
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def _message_id(local_part: str) -> str:
    # Deterministic per ledger row (or digest): a mail system that sees the same message twice
    # after a crash between sending and recording can recognise it.
    return f"<{local_part}@{urlsplit(site_url()).hostname or 'keyworking'}>"


def withdraw_revoked(notifications: QuerySet) -> int:
    """Withdraw reminders whose recipient no longer holds any of the rule's roles in the area."""
    holders: dict[tuple[str, int], set[int]] = {}
    revoked = []
    for notification_id, code, area_id, recipient_id in notifications.values_list(
        "id", "rule", "area_id", "recipient_id"
    ):
        rule = rules.get(code)
        roles = rule.roles if rule else ()
        held = False
        for role in roles:
            key = (role, area_id)
            if key not in holders:
                holders[key] = set(users_with_role(role, [area_id]).values_list("id", flat=True))
            held = held or recipient_id in holders[key]
        if not held:
            revoked.append(notification_id)
    if not revoked:
        return 0
    return Notification.objects.filter(WAITING | Q(email_due=True, emailed_at__isnull=True), id__in=revoked).update(
        withdrawn_at=timezone.now(), delivered_at=None, email_due=False
    )


def _prefers_digest() -> Q:
    chose_digest = Q(recipient_id__in=NotificationPreference.objects.filter(email=EmailChoice.DIGEST).values("user_id"))
    if DEFAULT_EMAIL_CHOICE != EmailChoice.DIGEST:
        return chose_digest
    return chose_digest | ~Q(recipient_id__in=NotificationPreference.objects.values("user_id"))


def deliver(notification_ids: Iterable[int]) -> None:
    """Deliver the given claimed rows that are still waiting. Safe to call twice, or from two
    workers at once, for the same rows."""
    ids = sorted(set(notification_ids))
    with system_scope():
        withdraw_revoked(Notification.objects.filter(WAITING, id__in=ids))
        now = timezone.now()
        waiting = Notification.objects.filter(WAITING, id__in=ids)
        # In-app now, email with tomorrow morning's digest (none without an email address).
        waiting.filter(_prefers_digest()).exclude(recipient__email="").update(delivered_at=now, email_due=True)
        waiting.filter(recipient__email="").update(delivered_at=now)
        immediate = list(waiting.values_list("id", flat=True))
    for notification_id in immediate:
        _deliver_with_email(notification_id)


def _deliver_with_email(notification_id: int) -> None:
    # One transaction per row: a crash loses at most the row being sent, never marks another.
    with system_scope():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(WAITING, pk=notification_id)
            .first()
        )
        if notification is None:
            return  # sent already, withdrawn, or being sent by another worker right now
        try:
            _immediate_email(notification).send()
        except OSError:  # the mail server refused or is down: the row stays claimed, and is re-sent
            logger.exception("Reminder %s not emailed; it will be tried again", notification_id)
            return
        now = timezone.now()
        Notification.objects.filter(WAITING, pk=notification_id).update(delivered_at=now, emailed_at=now)


def _immediate_email(notification: Notification) -> EmailMessage:
    kind = rules.kind_of(notification.rule)
    context = {"kind": kind, "url": site_url() + reverse("notifications:open", args=[notification.id])}
    return EmailMessage(
        subject=f"Keyworking reminder: {kind.lower()}",
        body=render_to_string("notifications/email/immediate.txt", context),
        to=[notification.recipient.email],
        headers={"Message-ID": _message_id(f"notification-{notification.id}")},
    )


def users_awaiting_digest() -> list[int]:
    with system_scope():
        return sorted(
            set(
                Notification.objects.filter(email_due=True, emailed_at__isnull=True, withdrawn_at__isnull=True)
                .values_list("recipient_id", flat=True)
                .distinct()
            )
        )


def send_digest(user_id: int) -> int:
    """One email listing how many reminders of each kind arrived since the last digest. Returns
    how many reminders it covered (0: nothing sent)."""
    with system_scope():
        pending = Notification.objects.filter(recipient_id=user_id, email_due=True, emailed_at__isnull=True)
        withdraw_revoked(pending.filter(withdrawn_at__isnull=True))
        rows = list(
            pending.filter(withdrawn_at__isnull=True)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .order_by("id")
        )
        if not rows:
            return 0
        counts = Counter(rules.kind_of(row.rule) for row in rows)
        context = {
            "counts": sorted(counts.items()),
            "total": len(rows),
            "url": site_url() + reverse("notifications:list"),
        }
        EmailMessage(
            subject=f"Keyworking: {len(rows)} new reminder{'s' if len(rows) != 1 else ''}",
            body=render_to_string("notifications/email/digest.txt", context),
            to=[rows[0].recipient.email],
            headers={"Message-ID": _message_id(f"digest-{user_id}-{rows[0].id}-{rows[-1].id}")},
        ).send()
        Notification.objects.filter(id__in=[row.id for row in rows], emailed_at__isnull=True).update(
            emailed_at=timezone.now(), email_due=False
        )
        return len(rows)
