"""Change history: every model holding personal data, and every per-area settings model (who
changed a timescale or threshold, and when), is decorated with `track_changes`, which keeps an
append-only event row (django-pghistory, written by database triggers) for each
insert, update and delete, with the acting user and URL as context."""

import pghistory


def track_changes(**options):
    return pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent(), **options)
