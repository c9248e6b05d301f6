"""The Dynamic Support Register's records, one concept per module."""

from dsr.models.allocation import Allocation
from dsr.models.choices import Diagnosis, Ethnicity, Rating, Register
from dsr.models.consent import ConsentRecord
from dsr.models.contact import Contact
from dsr.models.entry import RegisterEntry
from dsr.models.episode import InpatientEpisode
from dsr.models.imports import RegisterImport
from dsr.models.meeting import (
    AgendaItem,
    Meeting,
    MeetingAction,
    MeetingAttendee,
    MeetingFeedback,
    MeetingSettings,
    MinutesAmendment,
)
from dsr.models.person import Person
from dsr.models.rating import RatingChange
from dsr.models.settings import RegisterSettings
from dsr.models.transfer import Transfer
from dsr.models.transfer_ask import TransferAsk

__all__ = [
    "AgendaItem",
    "Allocation",
    "ConsentRecord",
    "Contact",
    "Diagnosis",
    "Ethnicity",
    "InpatientEpisode",
    "Meeting",
    "MeetingAction",
    "MeetingAttendee",
    "MeetingFeedback",
    "MeetingSettings",
    "MinutesAmendment",
    "Person",
    "Rating",
    "RatingChange",
    "Register",
    "RegisterEntry",
    "RegisterImport",
    "RegisterSettings",
    "Transfer",
    "TransferAsk",
]
