"""Changes a user makes: marking notifications read or unread, their email preference, and an
area's reminder settings."""

from django.db import transaction
from django.utils import timezone

from areas.models import Area
from areas.services import settings_update
from notifications.models import Notification, NotificationPreference, NotificationSettings


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notification_mark_unread(*, notification: Notification) -> Notification:
    notification.read_at = None
    notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, notifications) -> int:
    """Mark read every unread one of `notifications` (a user's inbox, from the selectors)."""
    return Notification.objects.filter(
        pk__in=notifications.filter(read_at__isnull=True).values("pk"), read_at__isnull=True
    ).update(read_at=timezone.now())


@transaction.atomic
def email_preference_set(*, user, email: str) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.update_or_create(user=user, defaults={"email": email})
    return preference


def notification_settings_update(*, area: Area | int, user, **changes) -> NotificationSettings:
    return settings_update(NotificationSettings, area, user=user, **changes)
