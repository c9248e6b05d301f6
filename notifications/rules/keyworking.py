"""Keyworking reminders, to the allocated keyworker: no contact with a case for N days (N set
per rating in NotificationSettings, shorter for red and blue), and the allocation's review of
goals and outcomes falling due (KeyworkingSettings.review_days from the last outcome rating)."""

from areas.roles import Role
from dsr.models import Allocation, RegisterEntry
from keyworking.models import Contact, KeyworkingSettings, OutcomeRating
from notifications.models import NotificationSettings
from notifications.rules import Rule, needs_settings, page, register

ALLOCATION = Allocation._meta.db_table
ENTRY = RegisterEntry._meta.db_table
CONTACT = Contact._meta.db_table
OUTCOME = OutcomeRating._meta.db_table
KEYWORKING_SETTINGS = KeyworkingSettings._meta.db_table
SETTINGS = NotificationSettings._meta.db_table

needs_settings(KeyworkingSettings)

CASE_PAGE = page("keyworking:case")


def case_link(notification) -> str | None:
    return CASE_PAGE(pk=notification.subject_id)


# The last contact's day is taken in London time, as the keyworker recorded it.
register(
    Rule(
        code="keyworking_no_contact",
        kind="A case on your caseload has had no contact for a while",
        roles=frozenset({Role.KEYWORKER}),
        personal=True,
        link=case_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, recipient_id, due_on FROM (
          SELECT a.id AS subject_id, a.area_id, a.person_id, a.keyworker_id AS recipient_id,
                 COALESCE(last_contact.day, a.allocated_on) + CASE e.current_rating
                   WHEN 'red' THEN s.no_contact_days_red WHEN 'blue' THEN s.no_contact_days_blue
                   WHEN 'amber' THEN s.no_contact_days_amber ELSE s.no_contact_days_green END AS due_on
            FROM {ALLOCATION} a
            JOIN {ENTRY} e ON e.id = a.entry_id
            JOIN {SETTINGS} s ON s.area_id = a.area_id
            LEFT JOIN LATERAL (
              SELECT max((occurred_at AT TIME ZONE 'Europe/London')::date) AS day
                FROM {CONTACT} WHERE allocation_id = a.id
            ) last_contact ON true
           WHERE a.ended_on IS NULL
        ) d
         WHERE due_on <= %(today)s
        """,
    )
)

register(
    Rule(
        code="keyworking_review_due",
        kind="A keyworking review of goals and outcomes is due soon",
        roles=frozenset({Role.KEYWORKER}),
        personal=True,
        link=case_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, recipient_id, due_on FROM (
          SELECT a.id AS subject_id, a.area_id, a.person_id, a.keyworker_id AS recipient_id,
                 COALESCE(last_rated.day, a.allocated_on) + ks.review_days AS due_on,
                 s.keyworking_review_warning_days AS warning_days
            FROM {ALLOCATION} a
            JOIN {SETTINGS} s ON s.area_id = a.area_id
            JOIN {KEYWORKING_SETTINGS} ks ON ks.area_id = a.area_id
            LEFT JOIN LATERAL (SELECT max(rated_on) AS day FROM {OUTCOME} WHERE allocation_id = a.id) last_rated ON true
           WHERE a.ended_on IS NULL
        ) d
         WHERE %(today)s >= due_on - warning_days
        """,
    )
)
