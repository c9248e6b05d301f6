"""A user's notifications: list, open, mark read and unread, the header count, email
preference; and an area's reminder settings."""

import pytest
from django.urls import reverse
from django.utils import timezone

from areas.roles import Role
from areas.selectors import settings_for
from areas.services import role_revoke
from audit.models import AccessLogEntry
from notifications.models import EmailChoice, Notification, NotificationPreference, NotificationSettings
from tests.factories import area, entry, user_with_roles
from tests.notifications.factories import delivered

LIST = reverse("notifications:list")
COUNT = reverse("notifications:count")
PREFERENCES = reverse("notifications:preferences")


@pytest.fixture
def thurrock_entry():
    return entry(given_name="Canary", family_name="canary-thurrock")


@pytest.fixture
def mine(holder, thurrock_entry):
    return delivered(holder, thurrock_entry)


def test_the_list_shows_my_notifications_with_who_they_are_about(signed_in, holder, mine):
    page = signed_in(holder).get(LIST)
    assert page.status_code == 200
    text = page.content.decode()
    assert "A register review is overdue" in text
    assert "canary-thurrock" in text
    assert reverse("notifications:open", args=[mine.id]) in text


def test_the_list_is_logged_as_a_read_of_the_people_named(signed_in, holder, mine):
    signed_in(holder).get(LIST)
    logged = AccessLogEntry.objects.get()
    assert (logged.kind, logged.record_type, logged.record_ids, logged.person_ids) == (
        "list",
        "notification",
        [mine.id],
        [mine.person_id],
    )


def test_nobody_sees_another_users_notifications(signed_in, holder, mine, thurrock_entry):
    colleague = user_with_roles("dsr2.thurrock", {"thurrock": [Role.DSR_HOLDER]})
    client = signed_in(colleague)
    assert "canary-thurrock" not in client.get(LIST).content.decode()
    assert client.get(reverse("notifications:open", args=[mine.id])).status_code == 404
    assert client.post(reverse("notifications:read", args=[mine.id])).status_code == 404
    assert client.post(reverse("notifications:unread", args=[mine.id])).status_code == 404


def test_a_user_of_another_area_gets_404(signed_in, holder_newham, mine):
    client = signed_in(holder_newham)
    assert client.get(reverse("notifications:open", args=[mine.id])).status_code == 404
    assert client.post(reverse("notifications:read", args=[mine.id])).status_code == 404


def test_a_revoked_role_hides_its_notifications_at_once(signed_in, holder, mine):
    holder.email = "x@example.nhs.uk"
    role_revoke(area=area("thurrock"), user=holder, role=Role.DSR_HOLDER)
    user_with_roles(holder.username, {"thurrock": [Role.KEYWORKER]}, mfa=False)  # still works there
    client = signed_in(holder)
    assert "canary-thurrock" not in client.get(LIST).content.decode()
    assert client.get(reverse("notifications:open", args=[mine.id])).status_code == 404


def test_undelivered_and_withdrawn_notifications_are_not_shown(signed_in, holder, thurrock_entry):
    delivered(holder, thurrock_entry, rule="review_due_soon", delivered_at=None)
    delivered(holder, thurrock_entry, rule="consent_recheck_due", delivered_at=None, withdrawn_at=timezone.now())
    text = signed_in(holder).get(LIST).content.decode()
    assert "No notifications yet." in text


def test_opening_a_notification_marks_it_read_and_goes_to_the_item(signed_in, holder, mine):
    response = signed_in(holder).get(reverse("notifications:open", args=[mine.id]))
    assert response.status_code == 302
    assert response.url == reverse("dsr:person", args=[mine.person_id])
    mine.refresh_from_db()
    assert mine.is_read


def test_a_notification_whose_item_has_no_page_is_shown_itself(signed_in, holder, thurrock_entry):
    # A DSR MDT feedback reminder whose agenda item cannot be found: nowhere to go.
    orphan = delivered(holder, thurrock_entry, rule="mdt_feedback_due", subject_id=987654321)
    page = signed_in(holder).get(reverse("notifications:open", args=[orphan.id]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Feedback from a DSR MDT meeting to a family and referrer is due" in text
    assert "canary-thurrock" in text
    logged = AccessLogEntry.objects.get()
    assert (logged.kind, logged.record_ids, logged.person_ids) == ("detail", [orphan.id], [orphan.person_id])


def test_mark_read_and_unread(signed_in, holder, mine):
    client = signed_in(holder)
    assert client.post(reverse("notifications:read", args=[mine.id])).status_code == 302
    mine.refresh_from_db()
    assert mine.is_read
    client.post(reverse("notifications:unread", args=[mine.id]))
    mine.refresh_from_db()
    assert not mine.is_read


def test_marking_needs_a_post(signed_in, holder, mine):
    assert signed_in(holder).get(reverse("notifications:read", args=[mine.id])).status_code == 405


def test_mark_all_read_marks_only_mine(signed_in, holder, mine, thurrock_entry):
    colleague = user_with_roles("dsr2.thurrock", {"thurrock": [Role.DSR_HOLDER]})
    theirs = delivered(colleague, thurrock_entry)
    delivered(holder, thurrock_entry, rule="review_due_soon")
    signed_in(holder).post(reverse("notifications:read-all"))
    assert Notification.objects.filter(recipient=holder, read_at__isnull=True).count() == 0
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_the_unread_filter(signed_in, holder, thurrock_entry):
    delivered(holder, thurrock_entry, rule="review_due_soon")
    delivered(holder, thurrock_entry, rule="review_overdue", read_at=timezone.now())
    text = signed_in(holder).get(LIST, {"show": "unread"}).content.decode()
    assert "A register review is due soon" in text
    assert "A register review is overdue" not in text


def test_the_header_links_to_notifications_and_loads_the_count(signed_in, holder, mine):
    page = signed_in(holder).get(reverse("areas:home")).content.decode()
    assert f'href="{LIST}"' in page
    assert f'hx-get="{COUNT}"' in page


def test_the_count_is_of_my_unread_notifications(signed_in, holder, mine, thurrock_entry):
    delivered(holder, thurrock_entry, rule="review_due_soon", read_at=timezone.now())
    fragment = signed_in(holder).get(COUNT).content.decode()
    assert '>1<span class="nhsuk-u-visually-hidden"> unread</span>' in fragment


def test_no_count_when_nothing_is_unread(signed_in, holder):
    assert signed_in(holder).get(COUNT).content.decode().strip() == ""


def test_signed_out_people_are_sent_to_sign_in(client, mine):
    for url in (LIST, COUNT, PREFERENCES, reverse("notifications:open", args=[mine.id])):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:sign-in") in response.url


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_costs_the_same_queries_for_one_or_many(
    signed_in, holder, thurrock_entry, rows, django_assert_num_queries
):
    for number in range(rows):
        delivered(holder, thurrock_entry, subject_id=thurrock_entry.id + 1000 + number)
    client = signed_in(holder)
    client.get(LIST)  # warm: the session's first request
    with django_assert_num_queries(15):
        assert client.get(LIST).status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_opening_costs_the_same_queries_whatever_else_there_is(
    signed_in, holder, thurrock_entry, rows, django_assert_num_queries
):
    notifications = [delivered(holder, thurrock_entry, subject_id=thurrock_entry.id + 1000 + n) for n in range(rows)]
    client = signed_in(holder)
    client.get(LIST)
    with django_assert_num_queries(16):
        client.get(reverse("notifications:open", args=[notifications[0].id]))


def test_preferences_show_and_save_the_choice(signed_in, holder):
    client = signed_in(holder)
    assert (
        'value="immediate" class="nhsuk-radios__input" id="id_email_0" checked'
        in client.get(PREFERENCES).content.decode()
    )
    assert client.post(PREFERENCES, {"email": "digest"}).status_code == 302
    assert NotificationPreference.objects.get(user=holder).email == EmailChoice.DIGEST


def test_preferences_refuse_bad_input(signed_in, holder):
    response = signed_in(holder).post(PREFERENCES, {"email": "hourly"})
    assert response.status_code == 400
    assert "Choose one of the options" in response.content.decode()
    assert signed_in(holder).post(PREFERENCES, {}).status_code == 400


def test_preferences_warn_when_there_is_no_email_address(signed_in, holder):
    holder.email = ""
    holder.save()
    assert "No email address" in signed_in(holder).get(PREFERENCES).content.decode()


def _settings_url(slug="thurrock"):
    return reverse("notifications:settings", args=[slug])


def test_a_dsr_holder_sets_the_areas_reminder_timings(signed_in, holder):
    client = signed_in(holder)
    assert client.get(reverse("notifications:settings-index")).url == _settings_url()
    assert client.get(_settings_url()).status_code == 200
    defaults = {
        field.name: field.default for field in NotificationSettings._meta.fields if field.name not in ("id", "area")
    }
    values = defaults | {"review_due_soon_days": 5, "oversight_visit_weeks_children": 4}
    assert client.post(_settings_url(), values).status_code == 302
    saved = settings_for(NotificationSettings, area("thurrock").id)
    assert (saved.review_due_soon_days, saved.oversight_visit_weeks_children) == (5, 4)
    assert settings_for(NotificationSettings, area("newham").id).review_due_soon_days == 7


def test_reminder_settings_refuse_bad_input(signed_in, holder):
    response = signed_in(holder).post(
        _settings_url(), {"review_due_soon_days": "-1", "oversight_visit_weeks_children": 0}
    )
    assert response.status_code == 400
    assert "Enter a number of weeks of 1 or more" in response.content.decode()


def test_reminder_settings_are_for_the_areas_holders_and_admins_only(
    signed_in, holder_newham, keyworker_thurrock, area_admin_thurrock
):
    assert signed_in(holder_newham).get(_settings_url()).status_code == 404
    assert signed_in(keyworker_thurrock).get(_settings_url()).status_code == 404
    assert signed_in(keyworker_thurrock).get(reverse("notifications:settings-index")).status_code == 404
    assert signed_in(area_admin_thurrock).get(_settings_url()).status_code == 200
