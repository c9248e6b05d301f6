"""The DSR holder's triage pages: queue, referral, decisions; who may use them; no leaks."""

import pytest
from django.urls import reverse
from django.utils import timezone

from areas.selectors import settings_for
from audit.models import AccessLogEntry
from dsr.models import Person, RegisterEntry
from dsr.models.consent import ConsentBasis
from referrals.models import OutcomeCommunication, Referral, ReferralForward, ReferralSettings, ReferralStatus
from referrals.services.triage import referral_decline, referral_forward
from tests.factories import area, person
from tests.referrals.factories import referral

TODAY = timezone.localdate()


def _queue(slug="thurrock", **query):
    return reverse("referrals:queue", args=[slug]) + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


def _url(name, received, slug="thurrock"):
    return reverse(f"referrals:{name}", args=[slug, received.pk])


@pytest.fixture
def holder(signed_in, dsr_holder_thurrock):
    return signed_in(dsr_holder_thurrock)


# --- Who may see what ------------------------------------------------------------------------


def test_the_queue_lists_new_referrals_with_their_age_against_the_target(holder):
    received = referral(concerns="canary-thurrock")
    page = holder.get(_queue()).content.decode()
    assert received.reference in page
    assert "Robin Examplechild" in page
    assert "due " in page


def test_another_areas_dsr_holder_gets_404_for_queue_and_referral(signed_in, dsr_holder_newham):
    received = referral("thurrock")
    client = signed_in(dsr_holder_newham)
    assert client.get(_queue("thurrock")).status_code == 404
    for name in ("detail", "status", "accept", "decline", "forward", "outcome"):
        assert client.get(_url(name, received)).status_code == 404, name
    assert client.get(_url("detail", received, slug="newham")).status_code == 404


def test_newham_queue_does_not_show_thurrock_referrals(signed_in, dsr_holder_newham):
    referral("thurrock", concerns="canary-thurrock")
    page = signed_in(dsr_holder_newham).get(_queue("newham")).content.decode()
    assert "canary-thurrock" not in page
    assert "Examplechild" not in page


@pytest.mark.parametrize("who", ["keyworker_thurrock", "commissioner_thurrock", "no_role_user", "area_admin_thurrock"])
def test_only_dsr_holders_triage(signed_in, request, who):
    received = referral("thurrock")
    client = signed_in(request.getfixturevalue(who))
    assert client.get(_queue()).status_code == 404
    assert client.get(_url("detail", received)).status_code == 404
    assert client.post(_url("decline", received), {"decline_reason": "risk", "decision_note": "x"}).status_code == 404
    assert Referral.objects.get().status == ReferralStatus.NEW


def test_signed_out_visitors_are_sent_to_sign_in(client):
    received = referral("thurrock")
    response = client.get(_url("detail", received))
    assert response.status_code == 302
    assert reverse("accounts:sign-in") in response["Location"]


def test_the_menu_shows_referrals_to_dsr_holders_only(holder, signed_in, keyworker_thurrock):
    assert ">Referrals<" in holder.get(reverse("areas:home")).content.decode()
    keyworker_home = signed_in(keyworker_thurrock).get(reverse("areas:home")).content.decode()
    assert ">Referrals<" not in keyworker_home
    assert ">Make a referral<" in keyworker_home


def test_the_referrals_link_takes_a_one_area_holder_to_their_queue(holder):
    response = holder.get(reverse("referrals:index"))
    assert response["Location"] == _queue()


# --- Reading is logged ------------------------------------------------------------------------


def test_the_queue_and_the_referral_page_are_in_the_access_log(holder, dsr_holder_thurrock):
    received = referral()
    holder.get(_queue())
    holder.get(_url("detail", received))
    logged = AccessLogEntry.objects.filter(user=dsr_holder_thurrock, record_type="referral")
    assert sorted(logged.values_list("kind", "record_ids")) == [("detail", [received.pk]), ("list", [received.pk])]


# --- The queue's tabs and search ---------------------------------------------------------------


def test_each_status_has_its_own_tab_with_a_count(holder, dsr_holder_thurrock):
    declined = referral(given_name="Declinedchild")
    referral_decline(referral=declined, decided_by=dsr_holder_thurrock, reason="risk", note="Settled at home")
    referral(given_name="Newchild")
    new_tab = holder.get(_queue()).content.decode()
    assert "Newchild" in new_tab
    assert "Declinedchild" not in new_tab
    assert "Not accepted (1)" in new_tab
    declined_tab = holder.get(_queue(status="not_accepted")).content.decode()
    assert "Declinedchild" in declined_tab
    assert "Outcome not yet told" in declined_tab


def test_an_unknown_tab_is_not_found(holder):
    assert holder.get(_queue(status="lost")).status_code == 404


def test_the_queue_finds_a_referral_by_its_reference_as_people_read_it(holder):
    wanted = referral(given_name="Wanted")
    referral(given_name="Other")
    typed = wanted.reference.lower().replace("-", " ")
    page = holder.get(_queue(q=typed.replace(" ", "+"))).content.decode()
    assert "Wanted" in page
    assert "Other Examplechild" not in page


def test_an_overdue_referral_is_flagged_by_the_areas_target(holder):
    received = referral()
    Referral.objects.filter(pk=received.pk).update(arrived_at=timezone.now() - timezone.timedelta(days=10))
    assert "Overdue" not in holder.get(_queue()).content.decode()
    settings = settings_for(ReferralSettings, area("thurrock").id)
    settings.decision_target_days = 7
    settings.save()
    assert "Overdue" in holder.get(_queue()).content.decode()


# --- Decisions --------------------------------------------------------------------------------


def test_asking_for_information_without_saying_what_is_refused(holder):
    received = referral()
    response = holder.post(_url("status", received), {"status": "awaiting_information", "note": ""})
    assert response.status_code == 400
    assert "Say what information you are waiting for" in response.content.decode()
    response = holder.post(_url("status", received), {"status": "awaiting_information", "note": "GP letter"})
    assert response.status_code == 302
    assert Referral.objects.get().status == ReferralStatus.AWAITING_INFORMATION


def test_a_made_up_status_is_refused(holder):
    received = referral()
    assert holder.post(_url("status", received), {"status": "accepted"}).status_code == 400
    assert Referral.objects.get().status == ReferralStatus.NEW


def _accept_answers(**changes):
    answers = {
        "person": "new",
        "given_name": "Robin",
        "family_name": "Examplechild",
        "date_of_birth": "2011-04-03",
        "diagnosis": "autism",
        "basis": ConsentBasis.PARENTAL,
        "given_by": "Sam Exampleparent",
        "relationship": "Mum",
        "recorded_on": TODAY.isoformat(),
    }
    return answers | changes


def test_accepting_puts_the_young_person_on_the_register_with_consent(holder):
    received = referral()
    response = holder.post(_url("accept", received), _accept_answers())
    assert response.status_code == 302
    received.refresh_from_db()
    assert received.status == ReferralStatus.ACCEPTED
    assert RegisterEntry.objects.get().person == received.person
    assert received.entry.consents.get().given_by == "Sam Exampleparent"
    page = holder.get(_url("detail", received)).content.decode()
    assert "Outcome not yet told" in page


def test_accepting_shows_possible_duplicates_and_can_link_one(holder):
    known = person("thurrock", given_name="Robyn", family_name="Examplechild", date_of_birth=referral().date_of_birth)
    received = Referral.objects.get()
    page = holder.get(_url("accept", received)).content.decode()
    assert "Robyn Examplechild" in page
    assert holder.post(_url("accept", received), _accept_answers(person=str(known.pk))).status_code == 302
    assert Person.objects.count() == 1
    assert Referral.objects.get().person == known


def test_the_referral_page_shows_people_already_known_and_where_an_nhs_number_is_held(holder):
    person("thurrock", given_name="Robyn", family_name="Examplechild", date_of_birth=referral().date_of_birth)
    person("newham", given_name="Other", family_name="Name", nhs_number="9434765919")
    held_elsewhere = referral(nhs_number="9434765919", given_name="Nobody", family_name="Similar")
    page = holder.get(_url("detail", Referral.objects.exclude(pk=held_elsewhere.pk).get())).content.decode()
    assert "Robyn Examplechild" in page
    elsewhere_page = holder.get(_url("detail", held_elsewhere)).content.decode()
    assert "held by Newham" in elsewhere_page
    assert "Other Name" not in elsewhere_page


def test_accepting_with_bad_answers_explains_and_changes_nothing(holder):
    received = referral()
    response = holder.post(_url("accept", received), _accept_answers(given_name="", basis=ConsentBasis.CAPACITOUS))
    assert response.status_code == 400
    assert "Enter their first name" in response.content.decode()
    response = holder.post(_url("accept", received), _accept_answers(basis=ConsentBasis.CAPACITOUS))
    assert response.status_code == 400
    assert "Gillick" in response.content.decode()
    assert not Person.objects.exists()
    assert Referral.objects.get().status == ReferralStatus.NEW


def test_declining_needs_a_reason(holder):
    received = referral()
    response = holder.post(_url("decline", received), {"decline_reason": "", "decision_note": ""})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Choose why the referral is not accepted" in text
    assert "Explain the decision" in text
    assert holder.post(_url("decline", received), {"decline_reason": "risk", "decision_note": "x"}).status_code == 302
    assert Referral.objects.get().status == ReferralStatus.NOT_ACCEPTED


def test_the_outcome_is_recorded_as_told_with_date_and_method(holder, dsr_holder_thurrock):
    received = referral()
    referral_decline(referral=received, decided_by=dsr_holder_thurrock, reason="criteria", note="No diagnosis yet")
    bad = holder.post(_url("outcome", received), {"recipient": "referrer", "method": "pigeon", "told_on": "2020-13-01"})
    assert bad.status_code == 400
    response = holder.post(_url("outcome", received), {"recipient": "referrer", "method": "phone", "told_on": TODAY})
    assert response.status_code == 302
    told = OutcomeCommunication.objects.get()
    assert (told.method, told.told_on, told.recorded_by) == ("phone", TODAY, dsr_holder_thurrock)
    page = holder.get(_url("detail", received)).content.decode()
    assert "Outcome not yet told" not in page  # a parent referred: telling them tells the family


# --- Forwarding -------------------------------------------------------------------------------


def test_forwarding_hands_the_referral_over_without_leaking(holder, signed_in, client, dsr_holder_newham):
    received = referral("thurrock", concerns="canary-newham lives in Newham")
    response = holder.post(_url("forward", received), {"destination": "newham", "reason": "Family moved"})
    assert response.status_code == 302
    assert holder.get(_url("detail", received)).status_code == 404
    assert "Examplechild" not in holder.get(_queue()).content.decode()
    forwarded_tab = holder.get(_queue(status="forwarded")).content.decode()
    assert received.reference in forwarded_tab
    assert "Newham" in forwarded_tab
    assert "Examplechild" not in forwarded_tab
    newham = signed_in(dsr_holder_newham)
    page = newham.get(_url("detail", received, slug="newham")).content.decode()
    assert "canary-newham" in page
    assert "From Thurrock" in page
    assert received.reference in newham.get(_queue("newham")).content.decode()


def test_forwarding_to_the_same_area_or_nowhere_is_refused(holder):
    received = referral()
    assert holder.post(_url("forward", received), {"destination": "thurrock", "reason": "x"}).status_code == 400
    assert holder.post(_url("forward", received), {"destination": "", "reason": "x"}).status_code == 400
    assert not ReferralForward.objects.exists()


def test_a_forwarded_referral_can_be_decided_by_the_receiving_area(signed_in, dsr_holder_thurrock, dsr_holder_newham):
    received = referral("thurrock")
    referral_forward(referral=received, destination=area("newham"), reason="Moved", forwarded_by=dsr_holder_thurrock)
    newham = signed_in(dsr_holder_newham)
    response = newham.post(_url("decline", received, slug="newham"), {"decline_reason": "risk", "decision_note": "x"})
    assert response.status_code == 302
    assert Referral.objects.get().status == ReferralStatus.NOT_ACCEPTED


# --- Settings ---------------------------------------------------------------------------------


def test_a_dsr_holder_sets_their_areas_decision_target(holder, signed_in, dsr_holder_newham):
    url = reverse("referrals:settings", args=["thurrock"])
    form = {
        "decision_target_days": 21,
        "public_submissions_per_hour": 5,
        "public_minimum_fill_seconds": 3,
        "maximum_age": 25,
        "public_form_open": "on",
    }
    assert holder.post(url, form).status_code == 302
    assert settings_for(ReferralSettings, area("thurrock").id).decision_target_days == 21
    assert holder.post(url, form | {"decision_target_days": 0}).status_code == 400
    assert signed_in(dsr_holder_newham).post(url, form).status_code == 404


# --- Fixed query counts -----------------------------------------------------------------------


def _queries_for(django_assert_num_queries, client, url, expected):
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# Each includes 12 for the request itself: session, user, MFA device, roles, savepoints, the
# row-level security scope, the access log and the session's renewal.
QUEUE_QUERIES = 20
DETAIL_QUERIES = 22
DECIDED_DETAIL_QUERIES = 19


def test_the_queue_takes_the_same_queries_for_one_or_many(holder, django_assert_num_queries, dsr_holder_thurrock):
    referral()
    _queries_for(django_assert_num_queries, holder, _queue(), QUEUE_QUERIES)
    for index in range(4):
        referral(given_name=f"Child{index}")
    _queries_for(django_assert_num_queries, holder, _queue(), QUEUE_QUERIES)


def test_the_decided_tab_takes_the_same_queries_for_one_or_many(holder, django_assert_num_queries, dsr_holder_thurrock):
    for index in range(3):
        received = referral(given_name=f"Child{index}")
        referral_decline(referral=received, decided_by=dsr_holder_thurrock, reason="risk", note="x")
        received.refresh_from_db()
        from referrals.services.outcomes import outcome_record

        outcome_record(
            referral=received, recipient="referrer", method="phone", told_on=TODAY, recorded_by=dsr_holder_thurrock
        )
        if index == 0:
            _queries_for(django_assert_num_queries, holder, _queue(status="not_accepted"), QUEUE_QUERIES)
    _queries_for(django_assert_num_queries, holder, _queue(status="not_accepted"), QUEUE_QUERIES)


def test_the_forwarded_tab_takes_the_same_queries_for_one_or_many(
    holder, django_assert_num_queries, dsr_holder_thurrock
):
    for index in range(3):
        received = referral(given_name=f"Child{index}")
        referral_forward(
            referral=received, destination=area("newham"), reason="Moved", forwarded_by=dsr_holder_thurrock
        )
        if index == 0:
            _queries_for(django_assert_num_queries, holder, _queue(status="forwarded"), QUEUE_QUERIES - 2)
    _queries_for(django_assert_num_queries, holder, _queue(status="forwarded"), QUEUE_QUERIES - 2)


def test_the_referral_page_takes_the_same_queries_however_much_it_shows(
    holder, django_assert_num_queries, dsr_holder_thurrock
):
    from referrals.services.triage import referral_set_status

    received = referral()
    person("thurrock", given_name="Robin", family_name="Examplechild", date_of_birth=received.date_of_birth)
    _queries_for(django_assert_num_queries, holder, _url("detail", received), DETAIL_QUERIES)
    for index in range(3):
        person("thurrock", given_name=f"Robin{index}", family_name="Examplechild", date_of_birth=received.date_of_birth)
    referral_set_status(referral=received, status="under_review", changed_by=dsr_holder_thurrock)
    referral_set_status(referral=received, status="awaiting_information", changed_by=dsr_holder_thurrock, note="GP")
    page = _queries_for(django_assert_num_queries, holder, _url("detail", received), DETAIL_QUERIES)
    assert "Robin2 Examplechild" in page


def test_a_decided_referral_page_takes_the_same_queries_however_much_it_shows(
    holder, django_assert_num_queries, dsr_holder_thurrock
):
    from referrals.services.outcomes import outcome_record

    received = referral()
    referral_decline(referral=received, decided_by=dsr_holder_thurrock, reason="risk", note="x")
    received.refresh_from_db()
    outcome_record(
        referral=received, recipient="referrer", method="phone", told_on=TODAY, recorded_by=dsr_holder_thurrock
    )
    _queries_for(django_assert_num_queries, holder, _url("detail", received), DECIDED_DETAIL_QUERIES)
    for method in ("letter", "email", "text"):
        outcome_record(
            referral=received, recipient="family", method=method, told_on=TODAY, recorded_by=dsr_holder_thurrock
        )
    _queries_for(django_assert_num_queries, holder, _url("detail", received), DECIDED_DETAIL_QUERIES)


def test_a_search_with_a_nul_character_is_harmless(holder):
    assert holder.get(_queue(q="%00")).status_code == 200


def test_an_area_choice_with_a_nul_character_is_refused_not_a_server_error(holder):
    received = referral()
    assert holder.post(_url("forward", received), {"destination": "\x00", "reason": "x"}).status_code == 400
    assert holder.post(reverse("referrals:new"), {"area": "\x00"}).status_code == 400
