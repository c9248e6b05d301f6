"""Errors the register's services raise for a view or API to show."""

from django.core.exceptions import ValidationError


class ChangedSinceOpened(ValidationError):
    """Someone else saved the record after this user opened it: their save is refused.

    `current` is the record as it is now and `changed` the fields that differ from what the
    user started from, so the page can show what changed."""

    def __init__(self, current, changed: dict[str, tuple[object, object]]):
        super().__init__(
            "This record was changed by someone else since you opened it. Check their changes below, "
            "then make yours again.",
            code="changed_since_opened",
        )
        self.current = current
        self.changed = changed
