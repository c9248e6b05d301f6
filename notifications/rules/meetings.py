"""DSR MDT reminders, to the area's MDT chairs and DSR holders: feedback to the family and the
referrer due (the item's `feedback_due`, set in working days when the meeting closes) and
overdue, until both have been told."""

from areas.roles import Role
from dsr.models.meeting import AgendaItem, Meeting, MeetingFeedback
from notifications.models import NotificationSettings
from notifications.rules import Rule, page, register

ITEM = AgendaItem._meta.db_table
MEETING = Meeting._meta.db_table
FEEDBACK = MeetingFeedback._meta.db_table
SETTINGS = NotificationSettings._meta.db_table
ROLES = frozenset({Role.MDT_CHAIR, Role.DSR_HOLDER})

FEEDBACK_PAGE = page("dsr:meetings:feedback")


def feedback_link(notification) -> str | None:
    # Reached only for the recipient's own notification, inside their request's area scope.
    meeting_id = AgendaItem.objects.filter(pk=notification.subject_id).values_list("meeting_id", flat=True).first()
    if meeting_id is None:
        return None
    return FEEDBACK_PAGE(pk=meeting_id)


# Feedback is owed while fewer than two (family and referrer) have been recorded.
_OUTSTANDING = f"""
    SELECT i.id AS subject_id, i.area_id, i.person_id, i.feedback_due AS due_on, s.feedback_warning_days
      FROM {ITEM} i
      JOIN {MEETING} m ON m.id = i.meeting_id
      JOIN {SETTINGS} s ON s.area_id = i.area_id
     WHERE m.status = 'closed' AND i.status = 'discussed' AND i.feedback_due IS NOT NULL
       AND (SELECT count(*) FROM {FEEDBACK} f WHERE f.item_id = i.id) < 2
"""

register(
    Rule(
        code="mdt_feedback_due",
        kind="Feedback from a DSR MDT meeting to a family and referrer is due",
        roles=ROLES,
        link=feedback_link,
        sql=f"""
        SELECT subject_id, area_id, person_id, due_on FROM ({_OUTSTANDING}) d
         WHERE %(today)s BETWEEN d.due_on - d.feedback_warning_days AND d.due_on
        """,
    )
)

register(
    Rule(
        code="mdt_feedback_overdue",
        kind="Feedback from a DSR MDT meeting to a family and referrer is overdue",
        roles=ROLES,
        link=feedback_link,
        sql=f"SELECT subject_id, area_id, person_id, due_on FROM ({_OUTSTANDING}) d WHERE d.due_on < %(today)s",
    )
)
