"""The register's services against the real database."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.utils import ProgrammingError
from django.utils import timezone

from areas.rls import area_scope
from areas.selectors import settings_for
from dsr.errors import ChangedSinceOpened
from dsr.models import (
    ConsentRecord,
    InpatientEpisode,
    Person,
    Rating,
    RatingChange,
    RegisterEntry,
    RegisterSettings,
    Transfer,
)
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.selectors import current_consent, duplicates
from dsr.services.consents import consent_record, consent_withdraw
from dsr.services.entries import entry_open, entry_remove, entry_update_content
from dsr.services.episodes import episode_admit, episode_discharge
from dsr.services.people import person_update
from dsr.services.ratings import rating_record
from dsr.services.transfers import transfer_accept, transfer_request
from tests.factories import UserFactory, area, entry, person

TODAY = timezone.localdate()


@pytest.fixture
def holder():
    return UserFactory(username="holder")


def test_the_current_rating_is_the_newest_decision(holder):
    opened = entry(rating=Rating.GREEN)
    rating_record(entry=opened, rating=Rating.RED, reason="Crisis at A&E", decided_on=TODAY, decided_by=holder)
    rating_record(
        entry=opened, rating=Rating.AMBER, reason="Backdated", decided_on=TODAY - timedelta(days=3), decided_by=holder
    )
    opened.refresh_from_db()
    assert (opened.current_rating, opened.rating_since) == (Rating.RED, TODAY)
    assert opened.rating_changes.count() == 3


def test_rating_history_cannot_be_edited_or_deleted(holder):
    change = entry(rating=Rating.GREEN).rating_changes.get()
    with (
        pytest.raises(ProgrammingError, match="permission denied"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE dsr_ratingchange SET rating = 'red' WHERE id = %s", [change.id])


def test_a_rating_decision_sets_the_next_review_by_the_areas_interval(holder):
    opened = entry(rating=Rating.RED)
    assert opened.next_review_due == opened.added_on + timedelta(days=14)
    rating_record(entry=opened, rating=Rating.GREEN, reason="Settled", decided_on=TODAY, decided_by=holder)
    opened.refresh_from_db()
    assert opened.next_review_due == TODAY + timedelta(days=28)


def test_admission_rates_the_person_blue(holder):
    opened = entry(rating=Rating.RED)
    episode_admit(
        person=opened.person, admitted_on=TODAY, hospital="Synthetic Hospital", section="s2", recorded_by=holder
    )
    opened.refresh_from_db()
    assert opened.current_rating == Rating.BLUE


def test_someone_not_on_the_register_can_be_added_directly_as_blue(holder):
    newcomer = person(given_name="Newly", family_name="Admitted")
    episode_admit(person=newcomer, admitted_on=TODAY, hospital="Synthetic Hospital", section="s3", recorded_by=holder)
    new_entry = RegisterEntry.objects.get(person=newcomer)
    assert (new_entry.status, new_entry.current_rating) == (EntryStatus.ACTIVE, Rating.BLUE)


def test_discharge_holds_the_area_rating_for_the_hold_period(holder):
    opened = entry(rating=Rating.RED)
    episode = episode_admit(person=opened.person, admitted_on=TODAY, hospital="H", section="s2", recorded_by=holder)
    discharged = TODAY + timedelta(days=30)
    episode_discharge(episode=episode, discharged_on=discharged, destination="Home", recorded_by=holder)
    opened.refresh_from_db()
    assert opened.current_rating == Rating.RED
    assert opened.rating_changes.first().held_until == discharged + timedelta(days=14)
    with pytest.raises(ValidationError, match="held at red"):
        rating_record(
            entry=opened, rating=Rating.GREEN, reason="x", decided_on=discharged + timedelta(days=5), decided_by=holder
        )
    rating_record(
        entry=opened,
        rating=Rating.GREEN,
        reason="Stable",
        decided_on=discharged + timedelta(days=14),
        decided_by=holder,
    )


def test_the_post_discharge_rating_and_hold_are_set_per_area(holder):
    thurrock = settings_for(RegisterSettings, area("thurrock").id)
    thurrock.post_discharge_rating, thurrock.post_discharge_hold_days = Rating.AMBER, 28
    thurrock.save()
    opened = entry(rating=Rating.RED)
    episode = episode_admit(person=opened.person, admitted_on=TODAY, hospital="H", section="s2", recorded_by=holder)
    episode_discharge(episode=episode, discharged_on=TODAY + timedelta(days=1), destination="Home", recorded_by=holder)
    latest = opened.rating_changes.first()
    assert (latest.rating, latest.held_until) == (Rating.AMBER, TODAY + timedelta(days=29))


def test_a_second_open_episode_is_refused(holder):
    opened = entry()
    episode_admit(person=opened.person, admitted_on=TODAY, hospital="H", section="s2", recorded_by=holder)
    with pytest.raises(ValidationError, match="already recorded as an inpatient"):
        episode_admit(person=opened.person, admitted_on=TODAY, hospital="H2", section="s2", recorded_by=holder)
    assert InpatientEpisode.objects.count() == 1


def test_consent_withdrawal_flags_the_entry_for_removal(holder):
    opened = entry(date_of_birth=date(2005, 1, 1))
    consent_record(entry=opened, basis=ConsentBasis.CAPACITOUS, given_by="Self", recorded_on=TODAY, recorded_by=holder)
    assert current_consent(opened).review_due == TODAY + timedelta(days=365)
    consent_withdraw(entry=opened, withdrawn_by="Self", recorded_on=TODAY, recorded_by=holder)
    opened.refresh_from_db()
    assert opened.flagged_for_removal
    assert current_consent(opened) is None
    assert ConsentRecord.objects.filter(entry=opened).count() == 2


def test_consent_on_a_basis_that_does_not_fit_the_age_is_refused(holder):
    opened = entry(date_of_birth=date(2014, 1, 1))
    with pytest.raises(ValidationError, match="Gillick"):
        consent_record(
            entry=opened, basis=ConsentBasis.CAPACITOUS, given_by="Self", recorded_on=TODAY, recorded_by=holder
        )


def test_removal_needs_a_reason_and_the_person_can_return_later(holder):
    opened = entry()
    with pytest.raises(ValidationError, match="Say why"):
        entry_remove(entry=opened, reason=RemovalReason.OTHER)
    entry_remove(entry=opened, reason=RemovalReason.RISK_REDUCED)
    returned = entry_open(person=opened.person)
    assert returned.pk != opened.pk
    assert RegisterEntry.objects.filter(person=opened.person).count() == 2


def test_a_person_cannot_have_two_open_entries():
    opened = entry()
    with pytest.raises(ValidationError, match="already on the register"):
        entry_open(person=opened.person)


def test_the_same_nhs_number_in_another_area_is_reported_by_area_name_only():
    person("newham", nhs_number="9434765919", given_name="Secret", family_name="Canary")
    found = duplicates(
        area_id=area("thurrock").id, nhs_number="9434765919", given_name="X", family_name="Y", date_of_birth=TODAY
    )
    assert found.held_elsewhere_by == ["Newham"]
    assert found.matches_here == []
    with pytest.raises(ValidationError, match="already held by Newham"):
        person("thurrock", nhs_number="943 476 5919")


def test_close_name_and_same_birth_date_in_the_area_are_possible_duplicates():
    known = person("thurrock", given_name="Jordan", family_name="McAllister", date_of_birth=date(2011, 2, 3))
    person("newham", given_name="Jordan", family_name="McAllister", date_of_birth=date(2011, 2, 3))
    found = duplicates(
        area_id=area("thurrock").id,
        nhs_number=None,
        given_name="Jordon",
        family_name="Macallister",
        date_of_birth=date(2011, 2, 3),
    )
    assert found.matches_here == [known]


def test_an_invalid_nhs_number_is_refused_on_create():
    with pytest.raises(ValidationError, match="check digit"):
        person(nhs_number="9434765918")


def test_a_second_edit_from_a_stale_page_is_refused_with_what_changed():
    opened = entry()
    first_view, second_view = RegisterEntry.objects.get(pk=opened.pk), RegisterEntry.objects.get(pk=opened.pk)
    entry_update_content(entry=first_view, opened_version=first_view.version, current_issues="Placement unstable")
    with pytest.raises(ChangedSinceOpened) as refused:
        entry_update_content(entry=second_view, opened_version=second_view.version, current_issues="School exclusion")
    assert refused.value.changed == {"current_issues": ("", "Placement unstable")}
    assert RegisterEntry.objects.get(pk=opened.pk).current_issues == "Placement unstable"


def test_person_edits_are_checked_for_overlap_too():
    someone = person()
    stale = Person.objects.get(pk=someone.pk)
    person_update(person=someone, opened_version=someone.version, postcode="RM17 5AA")
    with pytest.raises(ChangedSinceOpened):
        person_update(person=stale, opened_version=stale.version, postcode="SS0 0AA")


def test_an_accepted_transfer_moves_the_person_and_their_history_and_the_origin_loses_access(holder):
    opened = entry("thurrock", rating=Rating.AMBER)
    consent_record(entry=opened, basis=ConsentBasis.PARENTAL, given_by="Parent", recorded_on=TODAY, recorded_by=holder)
    transfer = transfer_request(
        person=opened.person, destination=area("newham"), reason="Family moved", requested_by=holder
    )
    assert transfer.summary["name"] == "Alex Testperson"
    transfer_accept(transfer=transfer, decided_by=holder)
    thurrock, newham = area("thurrock").id, area("newham").id
    with area_scope([thurrock]):
        assert not Person.objects.filter(pk=opened.person_id).exists()
        assert not RatingChange.objects.filter(person_id=opened.person_id).exists()
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM dsr_registerentryevent WHERE person_id = %s", [opened.person_id])
            assert cursor.fetchone()[0] == 0
    with area_scope([newham]):
        moved = RegisterEntry.objects.get(pk=opened.pk)
        assert moved.area_id == newham
        assert moved.rating_changes.count() == 1
        assert moved.consents.count() == 1
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM dsr_registerentryevent WHERE person_id = %s", [opened.person_id])
            assert cursor.fetchone()[0] >= 1


def test_the_transfer_stays_visible_to_both_areas(holder):
    opened = entry("thurrock")
    transfer = transfer_request(person=opened.person, destination=area("newham"), reason="Moved", requested_by=holder)
    for slug in ("thurrock", "newham"):
        with area_scope([area(slug).id]):
            assert Transfer.objects.filter(pk=transfer.pk).exists()
    with area_scope([area("essex").id]):
        assert not Transfer.objects.filter(pk=transfer.pk).exists()


def test_people_keep_their_date_of_creation():
    assert person().created_at <= timezone.now()
