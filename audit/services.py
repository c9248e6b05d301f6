"""Writing the access log. Every page, list, export and API answer that shows identifiable
records calls `access_record` with what it showed."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from axes.helpers import get_client_ip_address

from audit.models import AccessLogEntry


@dataclass(frozen=True)
class Shown:
    """One record that a response showed: its area, its id, and the person it is about."""

    area_id: int
    record_id: int
    person_id: int | None = None


def access_record(request, *, kind: str, record_type: str, shown: Iterable[Shown]) -> None:
    """Log the read, one row per area touched. Nothing shown, nothing logged."""
    by_area: dict[int, list[Shown]] = defaultdict(list)
    for item in shown:
        by_area[item.area_id].append(item)
    if not by_area:
        return
    if request.path.startswith("/api/") and kind != AccessLogEntry.Kind.EXPORT:
        kind = AccessLogEntry.Kind.API
    client_ip = get_client_ip_address(request)
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            area_id=area_id,
            user=request.user,
            kind=kind,
            record_type=record_type,
            record_ids=[item.record_id for item in items],
            person_ids=sorted({item.person_id for item in items if item.person_id is not None}),
            path=request.get_full_path()[:500],
            method=request.method,
            client_ip=client_ip,
        )
        for area_id, items in by_area.items()
    )
