"""Register reminders: reviews, consent re-checks, the 17½ transition flag, the end of a
post-discharge hold and oversight visits for people placed out of area.

Intervals come from the area's RegisterSettings (review intervals, adult register age,
transition flag months) and NotificationSettings (how far ahead to remind)."""

from areas.roles import Role
from dsr.models import ConsentRecord, InpatientEpisode, Person, RatingChange, RegisterEntry, RegisterSettings
from notifications.models import NotificationSettings
from notifications.rules import Rule, needs_settings, page, register

ENTRY = RegisterEntry._meta.db_table
PERSON = Person._meta.db_table
CONSENT = ConsentRecord._meta.db_table
RATING = RatingChange._meta.db_table
EPISODE = InpatientEpisode._meta.db_table
REGISTER_SETTINGS = RegisterSettings._meta.db_table
SETTINGS = NotificationSettings._meta.db_table

REGISTER_KEEPERS = frozenset({Role.DSR_HOLDER})

needs_settings(NotificationSettings)
needs_settings(RegisterSettings)

PERSON_PAGE = page("dsr:person")


def person_link(notification) -> str | None:
    if notification.person_id is None:
        return None
    return PERSON_PAGE(pk=notification.person_id)


register(
    Rule(
        code="review_due_soon",
        kind="A register review is due soon",
        roles=REGISTER_KEEPERS,
        link=person_link,
        sql=f"""
        SELECT e.id AS subject_id, e.area_id, e.person_id, e.next_review_due AS due_on
          FROM {ENTRY} e JOIN {SETTINGS} s ON s.area_id = e.area_id
         WHERE e.status = ANY(%(open_statuses)s) AND e.next_review_due >= %(today)s
           AND e.next_review_due - s.review_due_soon_days <= %(today)s
        """,
    )
)

register(
    Rule(
        code="review_overdue",
        kind="A register review is overdue",
        roles=REGISTER_KEEPERS,
        link=person_link,
        sql=f"""
        SELECT e.id AS subject_id, e.area_id, e.person_id, e.next_review_due AS due_on
          FROM {ENTRY} e
         WHERE e.status = ANY(%(open_statuses)s) AND e.next_review_due < %(today)s
        """,
    )
)

# The standing consent is the newest consent record of an open entry, when it is a consent
# (not a withdrawal). Driven from the consent records, which are far fewer than entries.
_STANDING_CONSENT = f"""
    SELECT c.entry_id AS subject_id, c.area_id, c.person_id, c.review_due AS due_on, s.consent_warning_days
      FROM {CONSENT} c
      JOIN {ENTRY} e ON e.id = c.entry_id
      JOIN {SETTINGS} s ON s.area_id = c.area_id
     WHERE c.kind = 'given' AND e.status = ANY(%(open_statuses)s)
       AND NOT EXISTS (
         SELECT 1 FROM {CONSENT} newer WHERE newer.entry_id = c.entry_id
            AND (newer.recorded_on, newer.recorded_at, newer.id) > (c.recorded_on, c.recorded_at, c.id))
"""

register(
    Rule(
        code="consent_recheck_due",
        kind="Consent to be on the register needs re-checking soon",
        roles=REGISTER_KEEPERS,
        link=person_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM ({_STANDING_CONSENT}) d
         WHERE %(today)s BETWEEN d.due_on - d.consent_warning_days AND d.due_on
        """,
    )
)

register(
    Rule(
        code="consent_recheck_overdue",
        kind="Consent to be on the register is overdue for re-checking",
        roles=REGISTER_KEEPERS,
        link=person_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM ({_STANDING_CONSENT}) d WHERE d.due_on < %(today)s
        """,
    )
)

# The same dates as dsr.rules.transition_flag_from (tests hold the two together): the birthday
# of the adults' register age, less the flag months, with 29 February as relativedelta has it.
register(
    Rule(
        code="transition_flag",
        kind="Someone on the children's register is nearing the adults' register",
        roles=frozenset({Role.DSR_HOLDER}),
        link=person_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM (
          SELECT e.id AS subject_id, e.area_id, e.person_id,
                 (p.date_of_birth + make_interval(years => rs.adult_register_age)
                                  - make_interval(months => rs.transition_flag_months))::date AS due_on,
                 (p.date_of_birth + make_interval(years => rs.adult_register_age))::date AS adult_on
            FROM {REGISTER_SETTINGS} rs
            -- A generous range of birth dates first (the person index by area and date of
            -- birth), then the exact test below.
            JOIN {PERSON} p ON p.area_id = rs.area_id
             AND p.date_of_birth > (%(today)s - make_interval(years => rs.adult_register_age, days => 7))::date
             AND p.date_of_birth <= (%(today)s - make_interval(years => rs.adult_register_age)
                                     + make_interval(months => rs.transition_flag_months, days => 7))::date
            JOIN {ENTRY} e ON e.person_id = p.id
           WHERE e.status = ANY(%(open_statuses)s) AND e.register = 'children'
        ) d
         WHERE %(today)s >= d.due_on AND %(today)s < d.adult_on
        """,
    )
)

# A hold in force is one set by the newest rating decision (a later decision replaces it).
# Driven from the holds not yet ended, which are few.
register(
    Rule(
        code="hold_ending",
        kind="A post-discharge rating hold is ending",
        roles=frozenset({Role.DSR_HOLDER, Role.MDT_CHAIR}),
        link=person_link,
        sql=f"""
        SELECT r.entry_id AS subject_id, r.area_id, r.person_id, r.held_until AS due_on
          FROM {RATING} r
          JOIN {ENTRY} e ON e.id = r.entry_id
          JOIN {SETTINGS} s ON s.area_id = r.area_id
         WHERE r.held_until >= %(today)s AND r.held_until - s.hold_ending_warning_days <= %(today)s
           AND e.status = ANY(%(open_statuses)s)
           AND NOT EXISTS (
             SELECT 1 FROM {RATING} newer WHERE newer.entry_id = r.entry_id
                AND (newer.decided_on, newer.recorded_at, newer.id) > (r.decided_on, r.recorded_at, r.id))
        """,
    )
)

# Visits fall every N weeks from admission (N for children or adults by age today); the
# reminder for each visit comes `oversight_visit_warning_days` ahead.
register(
    Rule(
        code="oversight_visit_due",
        kind="An oversight visit to someone placed out of area is due",
        roles=frozenset({Role.DSR_HOLDER, Role.CETR_COORDINATOR}),
        link=person_link,
        sql=f"""
        SELECT subject_id, area_id, person_id,
               admitted_on + ((%(today)s - admitted_on + warning_days) / interval_days) * interval_days AS due_on
          FROM (
            SELECT ep.id AS subject_id, ep.area_id, ep.person_id, ep.admitted_on,
                   s.oversight_visit_warning_days AS warning_days,
                   7 * CASE WHEN (p.date_of_birth + make_interval(years => rs.adult_register_age))::date > %(today)s
                            THEN s.oversight_visit_weeks_children ELSE s.oversight_visit_weeks_adults END
                     AS interval_days
              FROM {EPISODE} ep
              JOIN {PERSON} p ON p.id = ep.person_id
              JOIN {SETTINGS} s ON s.area_id = ep.area_id
              JOIN {REGISTER_SETTINGS} rs ON rs.area_id = ep.area_id
             WHERE ep.discharged_on IS NULL AND ep.out_of_area
          ) d
         WHERE %(today)s - admitted_on + warning_days >= interval_days
        """,
    )
)
