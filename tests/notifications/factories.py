"""Delivered notifications, as a sweep would leave them."""

from datetime import date

from django.utils import timezone

from notifications.models import Notification


def delivered(recipient, register_entry, *, rule: str = "review_overdue", due_on: date | None = None, **fields):
    values = {
        "area_id": register_entry.area_id,
        "rule": rule,
        "subject_id": register_entry.id,
        "person_id": register_entry.person_id,
        "due_on": due_on or date(2026, 3, 16),
        "recipient": recipient,
        "claimed_at": timezone.now(),
        "delivered_at": timezone.now(),
    }
    return Notification.objects.create(**(values | fields))
