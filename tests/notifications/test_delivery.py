"""Sending: once per reminder however often the sweep runs, nothing lost when a sender dies
after claiming, no identifiable details in emails, and recipients checked at sending time."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.db.models import F

from areas.roles import Role
from areas.services import role_revoke
from dsr.models import Rating
from notifications import delivery, tasks
from notifications.models import EmailChoice, Notification, NotificationPreference
from notifications.sweep import sweep
from tests.factories import UserFactory, area, entry
from tests.notifications.conftest import DAY_ZERO

OVERDUE_DAY = DAY_ZERO + timedelta(days=21)


def age_claims(*, minutes: int) -> None:
    """Time passes for the claims (the database's clock stands still within a test)."""
    Notification.objects.update(claimed_at=F("claimed_at") - timedelta(minutes=minutes))


@pytest.fixture
def overdue(frozen, holder):
    """Two entries reviewed on DAY_ZERO: on OVERDUE_DAY (where the clock is left) the red one's
    review is overdue and the green one's is due within a week."""
    frozen(DAY_ZERO)
    reviewed = entry(
        rating=Rating.RED,
        decided_by=holder,
        given_name="Zebedee",
        family_name="Quartermain",
        nhs_number="9434765919",
        date_of_birth=date(2011, 4, 23),
    )
    entry(rating=Rating.GREEN, decided_by=holder, given_name="Other")
    frozen(OVERDUE_DAY)
    return reviewed


def test_a_sweep_run_again_sends_nothing_twice(overdue, holder, run_sweep):
    run_sweep()
    run_sweep()
    tasks.deliver(list(Notification.objects.values_list("id", flat=True)))  # a duplicated delivery task
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 2
    assert sorted(message.extra_headers["Message-ID"] for message in mail.outbox) == sorted(
        f"<notification-{pk}@127.0.0.1>" for pk in Notification.objects.values_list("id", flat=True)
    )


def test_an_email_says_only_what_kind_of_item_and_links_to_it(overdue, holder, run_sweep):
    run_sweep()
    notification = Notification.objects.get(rule="review_overdue")
    message = next(
        m for m in mail.outbox if m.extra_headers["Message-ID"] == f"<notification-{notification.id}@127.0.0.1>"
    )
    text = f"{message.subject}\n{message.body}"
    assert message.to == [holder.email]
    assert "a register review is overdue" in text
    assert f"http://127.0.0.1:8000/notifications/{notification.id}/" in text
    for identifying in ("Zebedee", "Quartermain", "9434765919", "943 476 5919", "2011", "Thurrock", str(DAY_ZERO.year)):
        assert identifying not in text


def test_claimed_but_unsent_reminders_are_sent_by_a_later_sweep(overdue, holder, run_sweep):
    # A sweep claims and commits, then its worker dies before the delivery runs.
    claimed = sweep(today=OVERDUE_DAY)
    assert len(claimed) == 2
    assert not mail.outbox
    age_claims(minutes=9)
    run_sweep()  # within ten minutes the claims stand: their sender may still be at work
    assert not mail.outbox
    age_claims(minutes=11)
    run_sweep()
    assert len(mail.outbox) == 2
    age_claims(minutes=11)
    run_sweep()
    assert len(mail.outbox) == 2
    assert not Notification.objects.filter(delivered_at__isnull=True).exists()


def test_someone_whose_role_was_revoked_after_the_sweep_receives_nothing(overdue, holder, run_sweep):
    claimed = sweep(today=OVERDUE_DAY)
    role_revoke(area=area("thurrock"), user=holder, role=Role.DSR_HOLDER)
    delivery.deliver(claimed)
    assert not mail.outbox
    assert Notification.objects.filter(withdrawn_at__isnull=False).count() == 2
    assert not Notification.objects.filter(delivered_at__isnull=False).exists()


def test_an_inactive_user_receives_nothing(overdue, holder, run_sweep):
    holder.is_active = False
    holder.save()
    run_sweep()
    assert not Notification.objects.exists()
    assert not mail.outbox


def test_digest_recipients_get_one_email_a_day_listing_kinds_only(overdue, holder, run_sweep):
    NotificationPreference.objects.filter(user=holder).update(email=EmailChoice.DIGEST)
    run_sweep()
    assert not mail.outbox
    assert Notification.objects.filter(delivered_at__isnull=False, email_due=True).count() == 2
    assert delivery.users_awaiting_digest() == [holder.id]
    assert delivery.send_digest(holder.id) == 2
    assert delivery.send_digest(holder.id) == 0  # a duplicated digest task sends nothing
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Keyworking: 2 new reminders"
    assert "1 × a register review is due soon" in message.body
    assert "1 × a register review is overdue" in message.body
    assert "http://127.0.0.1:8000/notifications/" in message.body
    assert "Quartermain" not in message.body


def test_users_who_have_not_chosen_get_the_daily_digest(overdue, holder, run_sweep):
    NotificationPreference.objects.filter(user=holder).delete()
    run_sweep()
    assert not mail.outbox
    assert delivery.users_awaiting_digest() == [holder.id]


def test_the_digest_leaves_out_reminders_of_a_revoked_role(overdue, holder, run_sweep):
    NotificationPreference.objects.filter(user=holder).update(email=EmailChoice.DIGEST)
    run_sweep()
    role_revoke(area=area("thurrock"), user=holder, role=Role.DSR_HOLDER)
    assert delivery.send_digest(holder.id) == 0
    assert not mail.outbox


def test_someone_without_an_email_address_sees_reminders_in_the_app_only(overdue, holder, run_sweep):
    holder.email = ""
    holder.save()
    run_sweep()
    assert not mail.outbox
    assert Notification.objects.filter(delivered_at__isnull=False, email_due=False).count() == 2


def test_a_mail_server_failure_leaves_the_reminder_to_be_sent_again(overdue, holder, run_sweep, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    run_sweep()
    assert Notification.objects.filter(delivered_at__isnull=True).count() == 2
    monkeypatch.undo()
    tasks.deliver.delay = lambda ids: tasks.deliver(ids)  # undo removed run_sweep's stand-in too
    age_claims(minutes=11)
    run_sweep()
    assert len(mail.outbox) == 2


def test_send_digests_queues_one_task_per_user(overdue, holder, monkeypatch, run_sweep):
    NotificationPreference.objects.filter(user=holder).update(email=EmailChoice.DIGEST)
    other = UserFactory(username="second.holder")
    from areas.services import role_grant

    role_grant(area=area("thurrock"), user=other, role=Role.DSR_HOLDER)
    run_sweep()
    queued = []
    monkeypatch.setattr(tasks.send_digest, "delay", queued.append)
    assert tasks.send_digests() == 2
    assert sorted(queued) == sorted([holder.id, other.id])
