"""The contact log: fast to enter (htmx), editable by its author for the area's window, then
only by amendment; every change kept in the history."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from areas.selectors import settings_for
from keyworking.models import Contact, KeyworkingSettings
from keyworking.services.contacts import contact_amend, contact_record, contact_update
from tests.factories import area
from tests.keyworking.factories import allocated, eligible_entry


@pytest.fixture
def case(keyworker):
    return allocated(eligible_entry(days_ago=20), keyworker)


@pytest.fixture
def contact(case, keyworker):
    return contact_record(
        allocation=case,
        author=keyworker,
        occurred_at=timezone.now() - timedelta(hours=1),
        mode="phone",
        with_whom=["parent_carer"],
        duration_minutes=15,
        notes="Spoke to mum",
    )


def _form(**changes):
    data = {
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "mode": "face_to_face",
        "with_whom": ["young_person", "professional"],
        "service": "School SENCo",
        "duration_minutes": "45",
        "activities": ["advocacy", "transitions"],
        "notes": "Visited school canary-thurrock",
    }
    return data | changes


def test_a_keyworker_logs_a_contact_with_htmx_and_gets_the_list_back(signed_in, keyworker, case):
    response = signed_in(keyworker).post(
        reverse("keyworking:contact-add", args=[case.pk]), _form(), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()  # only the contacts section
    assert "Visited school canary-thurrock" in response.content.decode()
    contact = Contact.objects.get()
    assert (contact.author, contact.person_id, contact.activities) == (
        keyworker,
        case.person_id,
        ["advocacy", "transitions"],
    )


def test_a_contact_with_a_professional_needs_their_service(signed_in, keyworker, case):
    response = signed_in(keyworker).post(reverse("keyworking:contact-add", args=[case.pk]), _form(service=""))
    assert response.status_code == 400
    assert "which service" in response.content.decode()
    assert not Contact.objects.exists()


def test_a_contact_in_the_future_is_refused(signed_in, keyworker, case):
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = signed_in(keyworker).post(reverse("keyworking:contact-add", args=[case.pk]), _form(occurred_at=later))
    assert response.status_code == 400


def test_another_keyworker_cannot_log_on_my_case(signed_in, other_keyworker, case):
    response = signed_in(other_keyworker).post(reverse("keyworking:contact-add", args=[case.pk]), _form())
    assert response.status_code == 404


def test_the_author_edits_within_the_window_and_the_history_keeps_both(contact, keyworker):
    contact_update(contact=contact, editor=keyworker, notes="Spoke to mum and dad")
    contact.refresh_from_db()
    assert contact.notes == "Spoke to mum and dad"
    events = apps.get_model("keyworking", "ContactEvent").objects.filter(pgh_obj_id=contact.id).order_by("pgh_id")
    assert [event.notes for event in events] == ["Spoke to mum", "Spoke to mum and dad"]


def test_after_the_window_the_author_must_amend(contact, keyworker):
    hours = settings_for(KeyworkingSettings, area("thurrock").id).contact_edit_hours
    with time_machine.travel(timezone.now() + timedelta(hours=hours, minutes=1)):
        with pytest.raises(ValidationError, match="add an amendment"):
            contact_update(contact=contact, editor=keyworker, notes="Rewritten")
        amendment = contact_amend(contact=contact, text="Dad was there too", made_by=keyworker)
    contact.refresh_from_db()
    assert contact.notes == "Spoke to mum"
    assert amendment.person_id == contact.person_id


def test_the_window_is_a_per_area_setting(contact, keyworker):
    settings = settings_for(KeyworkingSettings, area("thurrock").id)
    settings.contact_edit_hours = 1
    settings.save()
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)), pytest.raises(ValidationError):
        contact_update(contact=contact, editor=keyworker, notes="Too late")


def test_only_the_author_edits_even_within_the_window(contact, senior):
    with pytest.raises(ValidationError, match="Only the keyworker who recorded"):
        contact_update(contact=contact, editor=senior, notes="Senior's edit")


def test_the_edit_page_after_the_window_sends_back_to_amend(signed_in, contact, keyworker):
    client = signed_in(keyworker)
    assert client.get(reverse("keyworking:contact-edit", args=[contact.pk])).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        response = client.post(reverse("keyworking:contact-edit", args=[contact.pk]), _form(notes="Late"))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.notes == "Spoke to mum"


def test_amendments_are_append_only(contact, keyworker):
    from django.db import DatabaseError, connection, transaction

    amendment = contact_amend(contact=contact, text="Added later", made_by=keyworker)
    with pytest.raises(DatabaseError, match="permission denied"), transaction.atomic():
        connection.cursor().execute("UPDATE keyworking_contactamendment SET text = 'x' WHERE id = %s", [amendment.id])


def test_another_areas_user_cannot_see_or_amend_a_contact(signed_in, keyworker_newham, contact):
    client = signed_in(keyworker_newham)
    assert client.get(reverse("keyworking:contact-edit", args=[contact.pk])).status_code == 404
    assert client.post(reverse("keyworking:contact-amend", args=[contact.pk]), {"text": "x"}).status_code == 404


def test_editing_a_contact_shows_when_it_happened_in_local_time_in_the_picker(signed_in, keyworker, contact):
    page = signed_in(keyworker).get(reverse("keyworking:contact-edit", args=[contact.pk])).content.decode()
    shown = timezone.localtime(contact.occurred_at).strftime("%Y-%m-%dT%H:%M")
    assert re.search(f'<input type="datetime-local" name="occurred_at"[^>]* value="{shown}"', page)
