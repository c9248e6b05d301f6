"""Adding a person: the duplicate check comes first; then person, entry, rating and consent."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from dsr.models import ConsentRecord, Person, RegisterEntry
from dsr.services.entries import entry_update_content
from tests.factories import entry, person

ADD = reverse("dsr:person-add")


def _details(**overrides):
    return {
        "given_name": "Robin",
        "family_name": "Newperson",
        "date_of_birth": "2012-05-17",
        "diagnosis": "autism",
        "status": "active",
        "nhs_number": "",
        **overrides,
    }


def test_a_dsr_holder_adds_a_person_with_a_rating_and_consent(holder_client):
    response = holder_client.post(
        ADD,
        _details(
            rating="amber",
            rating_reason="Placement at risk",
            consent_basis="parental",
            consent_given_by="Mum",
            consent_on=timezone.localdate().isoformat(),
        ),
    )
    added = Person.objects.get(family_name="Newperson")
    assert response.status_code == 302
    assert response.url == reverse("dsr:person", args=[added.pk])
    registered = RegisterEntry.objects.get(person=added)
    assert (registered.status, registered.current_rating) == ("active", "amber")
    assert ConsentRecord.objects.filter(entry=registered, basis="parental").exists()


def test_the_same_nhs_number_in_another_area_names_only_that_area(holder_client):
    other = person("newham", given_name="Secret", family_name="Canaryname", nhs_number="9434765919")
    opened = entry("newham", nhs_number="9990000018")
    entry_update_content(entry=opened, opened_version=opened.version, current_issues="canary-newham")
    response = holder_client.post(ADD, _details(nhs_number="943 476 5919"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "A record with this NHS number is held by Newham" in page
    assert "request a transfer" in page
    assert "Canaryname" not in page
    assert "Secret" not in page
    assert "canary-newham" not in page
    assert Person.objects.filter(nhs_number="9434765919").get() == other


def test_close_matches_in_the_area_must_be_confirmed_before_adding(holder_client):
    known = person(given_name="Jordan", family_name="McAllister", date_of_birth=date(2011, 2, 3))
    details = _details(given_name="Jordon", family_name="Macallister", date_of_birth="2011-02-03")
    first = holder_client.post(ADD, details)
    assert first.status_code == 400
    assert "Possible duplicates in your area" in first.content.decode()
    assert reverse("dsr:person", args=[known.pk]) in first.content.decode()
    assert Person.objects.count() == 1
    second = holder_client.post(ADD, {**details, "not_a_duplicate": "on"})
    assert second.status_code == 302
    assert Person.objects.count() == 2


def test_the_same_nhs_number_in_the_area_is_refused(holder_client):
    person(nhs_number="9434765919", given_name="Already", family_name="Here")
    response = holder_client.post(ADD, _details(nhs_number="9434765919", not_a_duplicate="on"))
    assert response.status_code == 400
    assert "already on your register" in response.content.decode()


def test_bad_input_is_explained(holder_client):
    response = holder_client.post(ADD, _details(nhs_number="9434765918", date_of_birth="31/02/2012", rating="red"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "fails the check digit" in page
    assert "Enter a real date of birth" in page
    assert "Give the reason for the rating" in page
    assert not Person.objects.exists()


def test_a_consent_basis_that_does_not_fit_the_age_is_refused_and_nothing_is_saved(holder_client):
    response = holder_client.post(
        ADD, _details(consent_basis="capacitous", consent_given_by="Robin", consent_on=timezone.localdate().isoformat())
    )
    assert response.status_code == 400
    assert "Gillick" in response.content.decode()
    assert not Person.objects.exists()


def test_keyworkers_and_other_roles_cannot_add(signed_in, keyworker_thurrock, chair_thurrock):
    assert signed_in(keyworker_thurrock).get(ADD).status_code == 404
    assert signed_in(chair_thurrock).post(ADD, _details()).status_code == 404
    assert not Person.objects.exists()
