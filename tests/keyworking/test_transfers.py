"""A transfer between areas moves keyworking records and closed-meeting minutes with the person."""

from django.utils import timezone

from dsr.meetings import services as meetings
from dsr.models import AgendaItem, Allocation
from dsr.services.transfers import transfer_accept, transfer_request
from keyworking.models import Contact
from keyworking.services.contacts import contact_record
from tests.factories import area
from tests.keyworking.factories import TODAY, allocated, eligible_entry


def test_an_accepted_transfer_moves_contacts_allocations_and_locked_minutes(chair, keyworker):
    case = eligible_entry()
    allocation = allocated(case, keyworker)
    contact_record(
        allocation=allocation,
        author=keyworker,
        occurred_at=timezone.now(),
        mode="phone",
        with_whom=["parent_carer"],
        duration_minutes=5,
    )
    meeting = meetings.meeting_plan(area=area("thurrock"), held_on=TODAY, chair=chair, planned_by=chair)
    meetings.agenda_build(meeting=meeting, built_by=chair)
    meeting = meetings.meeting_start(meeting=meeting, started_by=chair)
    meetings.meeting_close(meeting=meeting, closed_by=chair)
    transfer = transfer_request(person=case.person, destination=area("newham"), reason="Moved", requested_by=chair)
    transfer_accept(transfer=transfer, decided_by=chair)
    newham = area("newham").id
    assert Contact.objects.get().area_id == newham
    assert Allocation.objects.get().area_id == newham
    assert AgendaItem.objects.get().area_id == newham
