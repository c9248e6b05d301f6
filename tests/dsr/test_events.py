"""Recording events from the person page: each through its service, with role boundaries."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from dsr.models import ConsentRecord, Contact, InpatientEpisode, Rating, Register, RegisterEntry
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.services.entries import entry_remove
from dsr.services.episodes import episode_admit
from dsr.services.transitions import entry_move_to_adults
from tests.factories import UserFactory, entry, person

TODAY = timezone.localdate()


def _url(name, opened, *args):
    return reverse(f"dsr:{name}", args=[opened.person_id, *args])


def test_a_rating_decision_is_recorded(holder_client):
    opened = entry(rating=Rating.GREEN)
    response = holder_client.post(
        _url("rating", opened), {"rating": "red", "reason": "Crisis at A&E", "decided_on": TODAY.isoformat()}
    )
    assert response.status_code == 302
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.RED


def test_a_date_typed_as_year_9999_is_refused_on_the_form_not_a_server_error(holder_client):
    opened = entry(rating=Rating.GREEN)
    response = holder_client.post(
        _url("rating", opened), {"rating": "red", "reason": "Crisis at A&E", "decided_on": "9999-01-01"}
    )
    assert response.status_code == 400
    assert "Enter a date before 2101." in response.content.decode()
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.GREEN


def test_a_rating_lowered_during_the_post_discharge_hold_is_explained(holder_client, dsr_holder_thurrock):
    opened = entry(rating=Rating.RED)
    episode = episode_admit(
        person=opened.person,
        admitted_on=TODAY - timedelta(days=9),
        hospital="H",
        section="s2",
        recorded_by=dsr_holder_thurrock,
    )
    holder_client.post(_url("discharge", opened), {"discharged_on": TODAY.isoformat(), "destination": "Home"})
    assert InpatientEpisode.objects.get(pk=episode.pk).discharged_on == TODAY
    response = holder_client.post(
        _url("rating", opened), {"rating": "green", "reason": "Settled", "decided_on": TODAY.isoformat()}
    )
    assert response.status_code == 400
    assert "held at red" in response.content.decode()


def test_an_mdt_chair_may_rate_but_not_remove(signed_in, chair_thurrock):
    opened = entry()
    client = signed_in(chair_thurrock)
    assert (
        client.post(
            _url("rating", opened), {"rating": "amber", "reason": "MDT", "decided_on": TODAY.isoformat()}
        ).status_code
        == 302
    )
    assert client.get(_url("remove", opened)).status_code == 404


def test_keyworkers_record_nothing_here(signed_in, keyworker_thurrock):
    opened = entry()
    client = signed_in(keyworker_thurrock)
    for name in ("rating", "review", "consent", "admission", "remove", "status", "contact-add"):
        assert client.get(_url(name, opened)).status_code == 404, name


def test_another_areas_holder_gets_404(signed_in, dsr_holder_newham):
    opened = entry()
    assert (
        signed_in(dsr_holder_newham)
        .post(_url("rating", opened), {"rating": "red", "reason": "x", "decided_on": TODAY.isoformat()})
        .status_code
        == 404
    )


def test_a_review_sets_the_next_review_date(holder_client):
    opened = entry(rating=Rating.AMBER)
    holder_client.post(_url("review", opened), {"reviewed_on": TODAY.isoformat()})
    assert RegisterEntry.objects.get(pk=opened.pk).next_review_due == TODAY + timedelta(days=28)


def test_consent_and_its_withdrawal_which_flags_the_entry(holder_client):
    opened = entry(date_of_birth=date(2013, 1, 1))
    holder_client.post(
        _url("consent", opened),
        {"basis": "parental", "given_by": "Mum", "relationship": "Mother", "recorded_on": TODAY.isoformat()},
    )
    assert ConsentRecord.objects.filter(entry=opened, kind="given").exists()
    holder_client.post(_url("consent-withdraw", opened), {"withdrawn_by": "Mum", "recorded_on": TODAY.isoformat()})
    assert RegisterEntry.objects.get(pk=opened.pk).flagged_for_removal


def test_an_admission_rates_the_person_blue(holder_client):
    opened = entry(rating=Rating.RED)
    response = holder_client.post(
        _url("admission", opened), {"admitted_on": TODAY.isoformat(), "hospital": "Synthetic", "section": "s2"}
    )
    assert response.status_code == 302
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.BLUE


def test_discharge_without_an_admission_answers_404(holder_client):
    assert holder_client.get(_url("discharge", entry())).status_code == 404


def test_removal_needs_a_reason_and_other_needs_details(holder_client):
    opened = entry()
    refused = holder_client.post(_url("remove", opened), {"reason": "other", "detail": "", "on": TODAY.isoformat()})
    assert refused.status_code == 400
    assert "Say why the person is being removed" in refused.content.decode()
    holder_client.post(_url("remove", opened), {"reason": "risk_reduced", "on": TODAY.isoformat()})
    assert RegisterEntry.objects.get(pk=opened.pk).status == EntryStatus.REMOVED


def test_a_removed_person_returns_to_the_register(holder_client):
    opened = entry()
    entry_remove(entry=opened, reason=RemovalReason.RISK_REDUCED)
    assert holder_client.post(_url("return", opened), {"status": "referred"}).status_code == 302
    assert RegisterEntry.objects.filter(person=opened.person, status="referred").exists()


def test_a_status_change_not_allowed_from_here_is_refused(holder_client):
    referred = RegisterEntry.objects.get(pk=entry().pk)
    referred.status = EntryStatus.REFERRED
    referred.save()
    assert holder_client.post(_url("status", referred), {"status": "active"}).status_code == 400
    assert holder_client.post(_url("status", referred), {"status": "under_review"}).status_code == 302


def test_contacts_are_added_edited_and_removed(holder_client):
    opened = entry()
    holder_client.post(_url("contact-add", opened), {"kind": "family", "name": "Pat Parent", "relationship": "Dad"})
    contact = Contact.objects.get(person=opened.person)
    holder_client.post(
        _url("contact-edit", opened, contact.pk), {"kind": "family", "name": "Pat Parent", "email": "pat@example.com"}
    )
    assert Contact.objects.get(pk=contact.pk).email == "pat@example.com"
    bad = holder_client.post(_url("contact-edit", opened, contact.pk), {"kind": "family", "name": "P", "email": "x"})
    assert bad.status_code == 400
    holder_client.post(_url("contact-remove", opened, contact.pk))
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_another_persons_contact_answers_404(holder_client):
    first, second = entry(), entry(given_name="Other", nhs_number=None)
    holder_client.post(_url("contact-add", first), {"kind": "family", "name": "Pat"})
    contact = Contact.objects.get()
    assert holder_client.get(_url("contact-edit", second, contact.pk)).status_code == 404


# --- The move to the adults' register at 18 ------------------------------------------------------


@pytest.fixture
def turned_18():
    opened = entry(rating=Rating.AMBER, date_of_birth=TODAY - relativedelta(years=18, days=2))
    RegisterEntry.objects.filter(pk=opened.pk).update(register=Register.CHILDREN, current_issues="Carry me over")
    opened.refresh_from_db()
    return opened


def test_moving_to_the_adults_register_ends_the_childrens_entry_and_needs_fresh_consent(turned_18):
    holder = UserFactory(username="mover")
    adults = entry_move_to_adults(
        entry=turned_18, on=TODAY, basis=ConsentBasis.CAPACITOUS, given_by="Self", moved_by=holder
    )
    turned_18.refresh_from_db()
    assert (turned_18.status, turned_18.removal_reason) == (EntryStatus.REMOVED, RemovalReason.TURNED_18)
    assert (adults.register, adults.status, adults.current_rating) == (Register.ADULTS, "active", Rating.AMBER)
    assert adults.current_issues == "Carry me over"
    assert ConsentRecord.objects.get(entry=adults).basis == ConsentBasis.CAPACITOUS


def test_the_move_is_refused_before_18_and_on_a_childs_consent_basis(turned_18):
    holder = UserFactory(username="mover")
    young = entry(given_name="Young", nhs_number=None, date_of_birth=TODAY - relativedelta(years=17))
    with pytest.raises(Exception, match="not 18"):
        entry_move_to_adults(entry=young, on=TODAY, basis="capacitous", given_by="Self", moved_by=holder)
    with pytest.raises(Exception, match="From 18"):
        entry_move_to_adults(entry=turned_18, on=TODAY, basis="parental", given_by="Mum", moved_by=holder)
    assert RegisterEntry.objects.get(pk=turned_18.pk).is_open


def test_the_move_through_the_page(holder_client, turned_18):
    response = holder_client.post(
        _url("move-to-adults", turned_18),
        {"basis": "best_interests", "given_by": "Best-interests meeting", "on": TODAY.isoformat()},
    )
    assert response.status_code == 302
    assert RegisterEntry.objects.get(person=turned_18.person, status="active").register == Register.ADULTS


def test_an_inpatient_moving_to_adults_keeps_the_episode_on_the_new_entry(turned_18):
    holder = UserFactory(username="mover")
    episode = episode_admit(person=turned_18.person, admitted_on=TODAY, hospital="H", section="s3", recorded_by=holder)
    adults = entry_move_to_adults(entry=turned_18, on=TODAY, basis="capacitous", given_by="Self", moved_by=holder)
    assert InpatientEpisode.objects.get(pk=episode.pk).entry == adults
    assert adults.current_rating == Rating.BLUE


def test_person_without_entry_can_be_admitted_directly(holder_client):
    someone = person(given_name="Direct", family_name="Admission")
    holder_client.post(
        reverse("dsr:admission", args=[someone.pk]),
        {"admitted_on": TODAY.isoformat(), "hospital": "Synthetic", "section": "s3"},
    )
    assert RegisterEntry.objects.get(person=someone).current_rating == Rating.BLUE
