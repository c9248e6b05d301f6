"""Opening, moving through, editing, reviewing and removing register entries."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from areas.selectors import settings_for
from dsr import rules
from dsr.models import Person, RegisterEntry, RegisterSettings
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.selectors import open_entry
from dsr.services.concurrency import save_if_unchanged

# Where an entry may go next from each status (removal is allowed from any open status).
NEXT_STATUSES = {
    EntryStatus.REFERRED: {EntryStatus.UNDER_REVIEW, EntryStatus.ACCEPTED, EntryStatus.NOT_ACCEPTED},
    EntryStatus.UNDER_REVIEW: {EntryStatus.ACCEPTED, EntryStatus.NOT_ACCEPTED},
    EntryStatus.ACCEPTED: {EntryStatus.ACTIVE},
    EntryStatus.ACTIVE: set(),
    EntryStatus.NOT_ACCEPTED: set(),
    EntryStatus.REMOVED: set(),
}

# The statuses a person may come back to the register with (a new entry after a removal).
RETURN_STATUSES = (EntryStatus.REFERRED, EntryStatus.UNDER_REVIEW, EntryStatus.ACTIVE)

CASE_CONTENT_FIELDS = ("current_issues", "tried", "could_help", "action_plan")


@transaction.atomic
def entry_open(
    *, person: Person, status: str = EntryStatus.REFERRED, on: date | None = None, **content
) -> RegisterEntry:
    """Put a person on the area's register (children's or adults' by their age), or back on it
    after an earlier removal."""
    on = on or timezone.localdate()
    if open_entry(person) is not None:
        raise ValidationError("This person is already on the register.")
    settings = settings_for(RegisterSettings, person.area_id)
    register = rules.register_for(person.date_of_birth, on, adult_age=settings.adult_register_age)
    return RegisterEntry.objects.create(
        area_id=person.area_id, person=person, register=register, status=status, added_on=on, **content
    )


@transaction.atomic
def entry_set_status(*, entry: RegisterEntry, status: str) -> RegisterEntry:
    if status not in NEXT_STATUSES[EntryStatus(entry.status)]:
        now, wanted = entry.get_status_display().lower(), EntryStatus(status).label.lower()
        raise ValidationError({"status": f"An entry that is {now} cannot become {wanted}."})
    entry.status = status
    entry.status_changed_at = timezone.now()
    entry.save(update_fields=["status", "status_changed_at", "updated_at"])
    return entry


def entry_update_content(*, entry: RegisterEntry, opened_version: int, **content) -> RegisterEntry:
    """Edit the case content; refused with what changed if someone saved since `opened_version`."""
    unknown = set(content) - set(CASE_CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Not case content: {sorted(unknown)}")
    return save_if_unchanged(entry, opened_version=opened_version, changes=content)


@transaction.atomic
def entry_review(*, entry: RegisterEntry, reviewed_on: date) -> RegisterEntry:
    """Record a review: the next one falls due by the area's interval for the current rating."""
    entry.last_reviewed_on = reviewed_on
    if entry.current_rating:
        days = settings_for(RegisterSettings, entry.area_id).review_days(entry.current_rating)
        entry.next_review_due = rules.next_review_due(entry.current_rating, reviewed_on, review_days=days)
    entry.save(update_fields=["last_reviewed_on", "next_review_due", "updated_at"])
    return entry


@transaction.atomic
def entry_remove(*, entry: RegisterEntry, reason: str, detail: str = "", on: date | None = None) -> RegisterEntry:
    if not entry.is_open:
        raise ValidationError("This entry is not on the register.")
    if reason == RemovalReason.OTHER and not detail.strip():
        raise ValidationError({"removal_detail": "Say why the person is being removed"})
    entry.status = EntryStatus.REMOVED
    entry.status_changed_at = timezone.now()
    entry.removed_on = on or timezone.localdate()
    entry.removal_reason = reason
    entry.removal_detail = detail
    entry.flagged_for_removal = False
    entry.next_review_due = None
    entry.save()
    return entry
