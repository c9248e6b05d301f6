"""C(E)TR records, one concept per module."""

from cetr.models.actions import Action, ActionStatus, ActionUpdate, Escalation, Recommendation
from cetr.models.meetings import EmergencyMeeting, EmergencyMeetingKind, RootCauseReview
from cetr.models.review import (
    Attendance,
    PanelMember,
    PanelRole,
    Review,
    ReviewKind,
    ReviewPaper,
    ReviewStatus,
    Variant,
)
from cetr.models.settings import CetrSettings

__all__ = [
    "Action",
    "ActionStatus",
    "ActionUpdate",
    "Attendance",
    "CetrSettings",
    "EmergencyMeeting",
    "EmergencyMeetingKind",
    "Escalation",
    "PanelMember",
    "PanelRole",
    "Recommendation",
    "Review",
    "ReviewKind",
    "ReviewPaper",
    "ReviewStatus",
    "RootCauseReview",
    "Variant",
]
