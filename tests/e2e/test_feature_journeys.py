"""Journeys through the features: each a real user doing their real task in the browser.

Starting data comes from the factories; everything the user does is done on screen, and
the result is checked on screen."""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from areas.rls import system_scope
from areas.roles import Role
from dashboards.snapshots import snapshot_take
from dsr.models import Rating
from referrals.models import ReferralSettings, ReferrerRelationship
from tests import factories
from tests.keyworking.factories import allocated, eligible_entry, policy


def follow(journey, link_text: str):
    """Click a link (the first of that name) and check the page it leads to."""
    journey.page.get_by_role("link", name=link_text, exact=True).first.click()
    journey.check()


def choose(journey, option: str):
    """Pick a radio button or tick a checkbox by its label."""
    journey.page.get_by_label(option, exact=True).check()


def fill_date(journey, label: str, day: date):
    journey.page.get_by_label(label, exact=True).fill(day.isoformat())


def summary_row(journey, key: str):
    """The row of the page's summary list whose key is `key`."""
    return journey.page.locator(".nhsuk-summary-list__row").filter(
        has=journey.page.locator(".nhsuk-summary-list__key", has_text=re.compile(f"^{key}$"))
    )


def test_a_dsr_holder_adds_a_person_past_the_duplicate_check_and_rates_them(journey, cast):
    holder = cast("holder.thurrock", {"thurrock": [Role.DSR_HOLDER]})
    with system_scope():
        factories.person("thurrock", given_name="Sam", family_name="Rivers", date_of_birth=date(2011, 3, 9))
    journey.sign_in(holder)
    follow(journey, "Register")
    follow(journey, "Add a person")
    journey.page.get_by_label("Given name").fill("Sam")
    journey.page.get_by_label("Family name").fill("Rivers")
    fill_date(journey, "Date of birth", date(2011, 3, 9))
    choose(journey, "Autism")
    journey.submit("Check and add")
    assert "Possible duplicates in your area" in journey.page.content()
    # The form comes back with what was typed, the date included, ready to confirm.
    assert journey.page.get_by_label("Date of birth", exact=True).input_value() == "2011-03-09"
    choose(journey, "I have checked: none of the records listed is this person")
    journey.submit("Check and add")
    assert "Sam Rivers is on the Thurrock register." in journey.page.content()

    follow(journey, "Record a rating")
    choose(journey, "Amber – high risk if support is not provided promptly")
    journey.page.get_by_label("Reason").fill("Placement at risk of breaking down.")
    journey.submit("Save rating")
    assert "Rating recorded." in journey.page.content()
    expect(summary_row(journey, "Rating")).to_contain_text("Amber")


def test_an_mdt_chair_runs_a_meeting_rates_a_case_and_allocates_a_keyworker(journey, cast):
    chair = cast("chair.thurrock", {"thurrock": [Role.MDT_CHAIR]})
    keyworker = cast("kw.thurrock", {"thurrock": [Role.KEYWORKER]})
    with system_scope():
        policy("thurrock")
        eligible_entry("thurrock", rating=Rating.AMBER, given_name="Jordan", family_name="Lake")
    today = timezone.localdate()
    journey.sign_in(chair)
    follow(journey, "MDT meetings")
    follow(journey, "Plan a meeting")
    fill_date(journey, "Date", today)
    journey.page.get_by_label("Location").fill("Civic Offices, room 2")
    journey.submit("Plan meeting")
    journey.submit("Build the agenda from the register")
    journey.submit("Start the meeting")
    assert "Meeting started." in journey.page.content()

    follow(journey, "Jordan Lake")
    choose(journey, "Red – high risk of immediate admission")
    journey.page.get_by_label("Reason for the rating").fill("Two crisis calls this week.")
    journey.page.get_by_label("Discussion notes").fill("School placement breaking down.")
    choose(journey, "Allocate a keyworker")
    no_cases_yet = f"{keyworker.display_name} – 0 cases, weight 0"
    journey.page.get_by_label("Keyworker to allocate").select_option(label=no_cases_yet)
    journey.submit("Save the discussion")
    assert "Discussion of Jordan Lake recorded." in journey.page.content()
    decided = journey.page.get_by_role("row", name="Jordan Lake")
    expect(decided).to_contain_text(re.compile(r"Discussed: rated Red\s*; allocate a keyworker"))

    follow(journey, "Jordan Lake")
    journey.page.get_by_label("Action", exact=True).fill("Ask the school for an emergency review.")
    journey.page.get_by_label("Owner", exact=True).select_option(label=keyworker.display_name)
    fill_date(journey, "Due by", today + timedelta(days=7))
    journey.submit("Add action")
    assert "Ask the school for an emergency review." in journey.page.content()
    expect(summary_row(journey, "Keyworker")).to_contain_text(keyworker.display_name)


def test_a_keyworker_logs_a_contact_on_a_case_in_their_caseload(journey, cast):
    keyworker = cast("kw.thurrock", {"thurrock": [Role.KEYWORKER]})
    with system_scope():
        policy("thurrock")
        allocated(eligible_entry("thurrock", given_name="Riley", family_name="Stone"), keyworker)
    journey.sign_in(keyworker)
    follow(journey, "My caseload")
    follow(journey, "Riley Stone")
    journey.page.get_by_text("Record a contact").click()
    choose(journey, "Face to face")
    choose(journey, "Young person")
    choose(journey, "Parent or carer")
    journey.page.get_by_label("Duration (minutes)").fill("45")
    journey.page.get_by_label("Notes").fill("Home visit: planned the week's routine together.")
    journey.page.get_by_role("button", name="Save contact").click()
    # htmx swaps the contact log in place: wait for it, then check the page as it now stands.
    contacts = journey.page.locator("#contacts")
    expect(contacts.get_by_role("status")).to_contain_text("Contact recorded.")
    journey.check()
    logged = contacts.get_by_role("row", name="Face to face")
    expect(logged).to_contain_text("young person, parent or carer")
    expect(logged).to_contain_text("Home visit: planned the week's routine together.")


def test_a_cetr_coordinator_records_a_cetr_with_a_recommendation_and_an_action(journey, cast):
    coordinator = cast("cetr.thurrock", {"thurrock": [Role.CETR_COORDINATOR]})
    with system_scope():
        factories.entry("thurrock", given_name="Morgan", family_name="Hale")
    today = timezone.localdate()
    journey.sign_in(coordinator)
    follow(journey, "C(E)TRs")  # one area: straight to Thurrock's C(E)TRs
    follow(journey, "Request a C(E)TR")
    journey.page.get_by_label("Person").select_option(label="Morgan Hale (born 17 May 2012)")
    choose(journey, "Community (pre-admission) C(E)TR")
    # "Date requested" comes filled in with today: the date picker must show it.
    assert journey.page.get_by_label("Date requested").input_value() == today.isoformat()
    journey.submit("Request review")
    assert "Community (pre-admission) C(E)TR requested for Morgan Hale." in journey.page.content()

    follow(journey, "Schedule and record")
    journey.page.get_by_label("Venue").fill("Thurrock Community Hospital")
    fill_date(journey, "Held on", today)
    journey.page.get_by_role("group", name="Did the person attend?").get_by_label("Attended", exact=True).check()
    journey.page.get_by_label("Summary of the review").fill("Community support can continue with a crisis plan.")
    journey.submit("Save")
    assert "Review details saved." in journey.page.content()

    journey.page.get_by_label("Recommendation").fill("Agree a crisis plan with the family.")
    journey.submit("Add recommendation")
    follow(journey, "Add an action to recommendation 1")
    journey.page.get_by_label("What is to be done").fill("Write the crisis plan and share it.")
    journey.page.get_by_label("Owner", exact=True).fill("Pat Owner")
    journey.page.get_by_label("Owner's organisation").fill("Thurrock Children's Services")
    fill_date(journey, "Due by", today + timedelta(days=14))
    journey.submit("Add action")
    assert "Action added." in journey.page.content()
    recommendation = journey.page.locator(".nhsuk-card", has_text="Recommendation 1")
    expect(recommendation).to_contain_text("Agree a crisis plan with the family.")
    expect(recommendation.get_by_role("row", name="Write the crisis plan and share it.")).to_contain_text(
        "Pat Owner, Thurrock Children's Services"
    )


def test_a_parent_refers_their_child_through_the_public_form_without_signing_in(journey):
    with system_scope():
        # A person takes longer than the browser to fill the form in: the area asks for a second.
        ReferralSettings.objects.update_or_create(
            area=factories.area("southend"), defaults={"public_minimum_fill_seconds": 1}
        )
    journey.goto("/refer/")
    choose(journey, "Southend-on-Sea")
    journey.submit("Continue")
    page = journey.page
    page.get_by_label("First name").fill("Charlie")
    page.get_by_label("Last name").fill("Brook")
    page.get_by_label("Day").fill("4")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2013")
    choose(journey, "Autism")
    page.get_by_role("group", name="Do they have an education, health and care (EHC) plan?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_label("What is worrying you about the young person at the moment?").fill(
        "He has stopped going to school and has hurt himself twice this month."
    )
    choose(journey, ReferrerRelationship.PARENT_CARER.label)
    page.get_by_label(re.compile("^The young person knows about this referral")).check()
    page.get_by_label("Your full name").fill("Jo Brook")
    page.get_by_label("Your phone number").fill("01702 123456")
    # Past the area's minimum time from the form being shown, however fast this machine fills it.
    page.wait_for_timeout(1_000)
    journey.submit("Send referral")
    expect(page.get_by_role("heading", name="Referral sent")).to_be_visible()
    expect(page.locator(".app-referral-reference")).not_to_be_empty()


def test_a_commissioner_sees_the_register_figures_on_their_dashboard(journey, cast):
    commissioner = cast("comm.thurrock", {"thurrock": [Role.COMMISSIONER]})
    today = timezone.localdate()
    with system_scope():
        for number in range(10):
            factories.entry("thurrock", rating=Rating.GREEN, given_name=f"Dashboard{number}")
        snapshot_take(area=factories.area("thurrock"), month=today)  # what the nightly task does
    journey.sign_in(commissioner)
    follow(journey, "Dashboards")
    by_rating = journey.page.get_by_role("table", name=re.compile("^People on the register by rating"))
    this_month = by_rating.get_by_role("row", name=re.compile(f"^{today:%b %Y}"))
    # Red, amber, green, blue, not yet rated, on the register: ten is big enough to be shown.
    expect(this_month.get_by_role("cell")).to_have_text(["0", "0", "10", "0", "0", "10"])
