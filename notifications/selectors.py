"""Reading notifications: a user's own, for the rules whose roles they still hold where the
reminder is (a revoked role hides its reminders at once), and the area's reminder settings."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from areas.access import area_roles
from notifications import rules
from notifications.models import DEFAULT_EMAIL_CHOICE, Notification, NotificationPreference


def _still_entitled(user) -> Q:
    entitled = Q(pk__in=[])
    for area_id, held in area_roles(user).items():
        codes = [rule.code for rule in rules.all_rules() if rule.roles & held]
        if codes:
            entitled |= Q(area_id=area_id, rule__in=codes)
    return entitled


def inbox(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    """The user's delivered notifications, newest first."""
    notifications = Notification.objects.filter(
        _still_entitled(user), recipient=user, delivered_at__isnull=False, withdrawn_at__isnull=True
    )
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.select_related("area", "person")


def unread_count(user) -> int:
    return inbox(user, unread_only=True).count()


def inbox_counts(user) -> tuple[int, int]:
    """(all, unread) in the user's inbox, in one pass over its covering index (so it counts a
    column the index holds: counting one it lacks would read every row)."""
    unread = Q(read_at__isnull=True)
    counts = inbox(user).aggregate(all=Count("recipient"), unread=Count("recipient", filter=unread))
    return counts["all"], counts["unread"]


def notification_or_404(user, notification_id: int) -> Notification:
    """One of the user's own notifications; someone else's answers 404 like a missing one."""
    try:
        return inbox(user).get(pk=notification_id)
    except Notification.DoesNotExist:
        raise Http404("No such notification.") from None


def email_preference(user) -> NotificationPreference:
    """The user's choice, or the default (unsaved) if they have not made one."""
    return NotificationPreference.objects.filter(user=user).first() or NotificationPreference(
        user=user, email=DEFAULT_EMAIL_CHOICE
    )
