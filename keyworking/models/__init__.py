"""Keyworking's records, one concept per module. Every record about a person carries `person`
(and its area), so a transfer between areas moves it with them."""

from keyworking.models.choices import Activity, ContactMode, ContactWith, OutcomePoint
from keyworking.models.contacts import Contact, ContactAmendment
from keyworking.models.eligibility import EligibilityPolicy
from keyworking.models.goals import Goal, GoalProgress
from keyworking.models.notes import ClinicalNote
from keyworking.models.outcomes import HopeScore, OutcomeRating
from keyworking.models.settings import KeyworkingSettings
from keyworking.models.spending import Spend

__all__ = [
    "Activity",
    "ClinicalNote",
    "Contact",
    "ContactAmendment",
    "ContactMode",
    "ContactWith",
    "EligibilityPolicy",
    "Goal",
    "GoalProgress",
    "HopeScore",
    "KeyworkingSettings",
    "OutcomePoint",
    "OutcomeRating",
    "Spend",
]
