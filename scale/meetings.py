"""A synthetic DSR MDT meeting per area with an agenda of a realistic length.

Building the agenda with the service would put every amber, red and blue case of a national
-scale area on it (thousands); a real meeting discusses a few dozen, most pressing first."""

from datetime import date, time, timedelta

from django.contrib.auth import get_user_model

from dsr.meetings import rules
from dsr.meetings.services import meeting_plan
from dsr.models import AgendaItem, Rating, RegisterEntry
from dsr.models.meeting import AgendaReason

AGENDA_SIZE = 40
LOCATION = "Synthetic meeting room"


def seed_meeting(area, entries: list[RegisterEntry], holder_id: int, today: date) -> None:
    chair = get_user_model().objects.get(username=f"mdt_chair.{area.slug}")
    meeting = meeting_plan(
        area=area,
        held_on=today + timedelta(days=7),
        chair=chair,
        planned_by=chair,
        starts_at=time(10),
        location=LOCATION,
    )
    pressing = [entry for entry in entries if entry.current_rating in (Rating.BLUE, Rating.RED)]
    pressing.sort(key=lambda entry: (rules.agenda_rank([entry.current_rating]), entry.id))
    AgendaItem.objects.bulk_create(
        AgendaItem(
            area_id=area.id,
            meeting=meeting,
            entry=entry,
            person_id=entry.person_id,
            reasons=[AgendaReason(entry.current_rating)],
            position=position,
            added_by_id=holder_id,
            rating_before=entry.current_rating,
        )
        for position, entry in enumerate(pressing[:AGENDA_SIZE])
    )
