"""The public referral form: no account, plain words, hostile input refused with nothing stored."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from areas.selectors import settings_for
from referrals.models import Referral, ReferralSettings, ReferralStatus, Source, Step, TriageStep
from tests.factories import area
from tests.referrals.conftest import started
from tests.referrals.factories import public_answers, referral

FORM = reverse("refer:form", args=["thurrock"])


def _stored() -> int:
    return Referral.objects.count()


def test_the_start_page_lists_every_area_and_sends_you_to_its_form(client):
    page = client.get(reverse("refer:start"))
    assert page.status_code == 200
    assert "Thurrock" in page.content.decode()
    assert "Newham" in page.content.decode()
    response = client.get(reverse("refer:start"), {"area": "newham"})
    assert response.status_code == 302
    assert response["Location"] == reverse("refer:form", args=["newham"])


def test_the_start_page_asks_again_when_no_area_is_chosen(client):
    response = client.get(reverse("refer:start"), {"area": "atlantis"})
    assert response.status_code == 400
    assert "Choose the area where the young person lives" in response.content.decode()


def test_an_unknown_area_has_no_form(client):
    assert client.get(reverse("refer:form", args=["atlantis"])).status_code == 404


def test_a_valid_referral_is_stored_in_the_chosen_area_and_gives_a_reference(post_public):
    response = post_public("thurrock")
    assert response.status_code == 302
    stored = Referral.objects.get()
    assert (stored.area, stored.status, stored.source) == (area("thurrock"), ReferralStatus.NEW, Source.PUBLIC)
    assert stored.postcode == "RM17 5TT"
    assert re.fullmatch(r"REF-[2-9A-Z]{4}-[2-9A-Z]{4}", stored.reference)
    assert TriageStep.objects.get(referral=stored).step == Step.RECEIVED


def test_the_thank_you_page_shows_the_reference_and_nothing_of_the_referral(client, post_public):
    response = post_public("thurrock", concerns="canary-thurrock worry")
    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert Referral.objects.get().reference in text
    for private in ("Robin", "Examplechild", "canary-thurrock", "01375", "Exampleparent"):
        assert private not in text
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]


def test_a_thank_you_address_that_was_altered_or_belongs_to_another_area_is_not_found(client, post_public):
    location = post_public("thurrock")["Location"]
    assert client.get(location[:-3] + "xx/").status_code == 404
    assert client.get(location.replace("/thurrock/", "/newham/")).status_code == 404


def test_public_pages_never_use_the_word_register(client, post_public, settings):
    thurrock = settings_for(ReferralSettings, area("thurrock").id)
    pages = [client.get(reverse("refer:start")), client.get(FORM), client.get(post_public()["Location"])]
    pages.append(post_public(given_name=""))
    thurrock.public_submissions_per_hour = 1
    thurrock.save()
    post_public(ip="198.51.100.1")
    pages.append(post_public(ip="198.51.100.1"))
    pages.append(client.post(FORM, {"x": "y" * 300_000}))
    assert [page.status_code for page in pages] == [200, 200, 200, 400, 429, 413]
    for page in pages:
        assert "register" not in page.content.decode().lower()


def test_public_pages_show_no_record_data(client):
    referral("thurrock", concerns="canary-thurrock worry", given_name="Canaryname")
    for url in (reverse("refer:start"), FORM):
        text = client.get(url).content.decode()
        assert "canary-thurrock" not in text
        assert "Canaryname" not in text


def test_the_form_says_what_happens_next_and_how_information_is_used(client):
    text = client.get(FORM).content.decode()
    assert "What happens next" in text
    assert "How we use your information" in text
    assert "within about 4 weeks" in text


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("given_name", "Enter their first name"),
        ("concerns", "Tell us what is worrying you"),
        ("diagnosis", "Choose whether they have a learning disability or autism"),
        ("consent_to_be_considered", "Confirm that the young person, or someone who can decide for them, agrees"),
        ("referrer_name", "Enter your full name"),
        ("referrer_relationship", "Choose who you are"),
    ],
)
def test_a_missing_answer_is_explained_and_nothing_is_stored(post_public, field, message):
    response = post_public(**{field: ""})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _stored() == 0


def test_every_problem_is_shown_at_once_with_the_answers_kept(post_public):
    response = post_public(given_name="Kept", family_name="", referrer_phone="", nhs_number="123")
    text = response.content.decode()
    assert response.status_code == 400
    assert "Enter their last name" in text
    assert "Enter a phone number or an email address so that we can reply" in text
    assert "10 digits" in text
    assert 'value="Kept"' in text
    assert "There is a problem" in text


def test_an_answer_longer_than_its_limit_is_refused(post_public):
    response = post_public(concerns="x" * 5001)
    assert response.status_code == 400
    assert "must be 5,000 characters or fewer" in response.content.decode()
    assert _stored() == 0


def test_an_oversized_request_body_is_refused_before_it_is_read(client):
    response = client.post(FORM, public_answers(concerns="x" * 300_000, form_started=started("thurrock")))
    assert response.status_code == 413
    assert "too long to send" in response.content.decode()
    assert _stored() == 0


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2011", "must be a real date"),
        ("3", "13", "2011", "must be a real date"),
        ("x", "4", "2011", "must be a real date"),
        ("3", "4", "11", "must be a real date"),
        ("3", "4", "", "must include a year"),
        ("", "", "", "Enter their date of birth"),
        ("1", "1", "1990", "aged 25 and under"),
    ],
)
def test_a_bad_date_of_birth_is_explained(post_public, day, month, year, message):
    response = post_public(date_of_birth_day=day, date_of_birth_month=month, date_of_birth_year=year)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _stored() == 0


def test_a_date_of_birth_in_the_future_is_refused(post_public):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = post_public(
        date_of_birth_day=tomorrow.day, date_of_birth_month=tomorrow.month, date_of_birth_year=tomorrow.year
    )
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()


@pytest.mark.parametrize(
    ("number", "message"),
    [("9434765918", "fails the check digit"), ("94347659", "10 digits"), ("abcdefghij", "10 digits")],
)
def test_a_bad_nhs_number_is_explained(post_public, number, message):
    response = post_public(nhs_number=number)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _stored() == 0


def test_a_good_nhs_number_is_stored_without_spaces(post_public):
    assert post_public(nhs_number="943 476 5919").status_code == 302
    assert Referral.objects.get().nhs_number == "9434765919"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"postcode": "ZZ9"}, "Enter a real postcode"),
        ({"referrer_phone": "call me"}, "Enter a phone number"),
        ({"referrer_phone": "", "referrer_email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"diagnosis": "vampire"}, "Choose one of the options"),
        ({"referrer_relationship": "professional"}, "Enter the organisation you work for"),
    ],
)
def test_other_bad_answers_are_explained(post_public, changes, message):
    response = post_public(**changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _stored() == 0


def test_the_honeypot_is_hidden_by_a_css_class_and_skipped_by_the_keyboard(client):
    text = client.get(FORM).content.decode()
    trap = re.search(r'<div class="app-visually-hidden-trap">(.*?)</div>', text, re.S).group(1)
    assert "Leave this blank" in trap
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap
    assert "style=" not in text


def test_a_filled_honeypot_is_refused_and_nothing_stored(post_public):
    response = post_public(extra_comments="http://spam.example")
    assert response.status_code == 400
    assert _stored() == 0


def test_a_form_sent_faster_than_a_person_could_fill_it_is_refused(post_public):
    response = post_public(form_started=started("thurrock", seconds_ago=1))
    assert response.status_code == 400
    assert _stored() == 0


@pytest.mark.parametrize("token", ["", "forged", None])
def test_a_missing_or_altered_start_time_is_refused(post_public, token):
    forged = started("thurrock")[:-2] + "zz" if token is None else token
    assert post_public(form_started=forged).status_code == 400
    assert _stored() == 0


def test_a_start_time_from_another_areas_form_is_refused(post_public):
    assert post_public("thurrock", form_started=started("newham")).status_code == 400
    assert _stored() == 0


def test_a_form_left_open_for_a_day_is_sent_back_to_check(post_public):
    response = post_public(form_started=started("thurrock", seconds_ago=2 * 24 * 3600))
    assert response.status_code == 400
    assert "open for a long time" in response.content.decode()
    assert _stored() == 0


def test_a_refused_form_comes_back_with_a_fresh_start_time(post_public):
    spent = started("thurrock", seconds_ago=1)
    text = post_public(form_started=spent).content.decode()
    fresh = re.search(r'name="form_started"[^>]*value="([^"]+)"', text).group(1)
    assert fresh != spent


def test_the_minimum_fill_time_is_set_per_area(post_public):
    thurrock = settings_for(ReferralSettings, area("thurrock").id)
    thurrock.public_minimum_fill_seconds = 120
    thurrock.save()
    assert post_public("thurrock").status_code == 400  # shown 60 seconds ago
    assert post_public("newham").status_code == 302


def test_csrf_is_enforced(post_public):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(FORM, public_answers(form_started=started("thurrock")))
    assert response.status_code == 403
    assert _stored() == 0


def test_the_form_works_with_its_csrf_token(post_public):
    strict = Client(enforce_csrf_checks=True)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', strict.get(FORM).content.decode()).group(1)
    data = public_answers(form_started=started("thurrock"), csrfmiddlewaretoken=token)
    assert strict.post(FORM, data).status_code == 302
    assert _stored() == 1


def test_an_area_can_close_its_public_form(client, post_public):
    thurrock = settings_for(ReferralSettings, area("thurrock").id)
    thurrock.public_form_open, thurrock.enquiries_phone = False, "01375 000 000"
    thurrock.save()
    text = client.get(FORM).content.decode()
    assert "does not take referrals through this online form" in text
    assert "01375 000 000" in text
    post_public("thurrock")
    assert _stored() == 0


def test_nul_characters_are_refused_not_a_server_error(post_public, client):
    response = post_public(given_name="a\x00b", concerns="\x00")
    assert response.status_code == 400
    assert _stored() == 0
    assert client.get(reverse("refer:start"), {"area": "\x00"}).status_code == 400
