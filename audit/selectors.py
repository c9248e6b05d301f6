"""Searching the access log (information governance leads, and "who viewed it" on records)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from areas import access
from areas.roles import READ_AUDIT
from audit.models import AccessLogEntry


def access_log(
    user,
    *,
    area_id: int | None = None,
    person_id: int | None = None,
    username: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AccessLogEntry]:
    entries = access.scope(AccessLogEntry.objects.select_related("user", "area"), user, READ_AUDIT)
    if area_id is not None:
        entries = entries.filter(area_id=area_id)
    if person_id is not None:
        entries = entries.filter(person_ids__contains=[person_id])
    if username:
        entries = entries.filter(user__username__iexact=username)
    if date_from is not None:
        entries = entries.filter(at__gte=timezone.make_aware(datetime.combine(date_from, time.min)))
    if date_to is not None:
        entries = entries.filter(at__lt=timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min)))
    return entries


@dataclass(frozen=True)
class LastChange:
    at: datetime
    by: str


def last_change(record) -> LastChange | None:
    """When a tracked record (see audit.history) was last changed, and by whom; None while it
    still holds the values it was made with."""
    event = record.events.filter(pgh_label="update").select_related("pgh_context").order_by("-pgh_id").first()
    if event is None:
        return None
    user_id = event.pgh_context.metadata.get("user") if event.pgh_context else None
    user = get_user_model().objects.filter(id=user_id).first() if user_id else None
    return LastChange(event.pgh_created_at, user.display_name if user else "the system")
