"""Referrals to an area's Dynamic Support Register and their triage, one concept per module."""

from referrals.models.choices import (
    DeclineReason,
    Diagnosis,
    EhcPlan,
    OutcomeMethod,
    OutcomeRecipient,
    ReferralStatus,
    ReferrerRelationship,
    Source,
    Step,
)
from referrals.models.forward import ReferralForward
from referrals.models.outcome import OutcomeCommunication
from referrals.models.referral import Referral
from referrals.models.settings import ReferralSettings
from referrals.models.step import TriageStep

__all__ = [
    "DeclineReason",
    "Diagnosis",
    "EhcPlan",
    "OutcomeCommunication",
    "OutcomeMethod",
    "OutcomeRecipient",
    "Referral",
    "ReferralForward",
    "ReferralSettings",
    "ReferralStatus",
    "ReferrerRelationship",
    "Source",
    "Step",
    "TriageStep",
]
