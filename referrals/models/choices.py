"""Choice lists of referrals. Labels that families read avoid the word "register"."""

from django.db import models


class ReferralStatus(models.TextChoices):
    """Where a referral is in its area's triage. A forwarded referral is `new` again in the area
    it went to; the area it left keeps only a `ReferralForward` note of where it went."""

    NEW = "new", "New"
    AWAITING_INFORMATION = "awaiting_information", "Awaiting information"
    UNDER_REVIEW = "under_review", "Under review"
    ACCEPTED = "accepted", "Accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"


OPEN_STATUSES = (ReferralStatus.NEW, ReferralStatus.AWAITING_INFORMATION, ReferralStatus.UNDER_REVIEW)
DECIDED_STATUSES = (ReferralStatus.ACCEPTED, ReferralStatus.NOT_ACCEPTED)


class Source(models.TextChoices):
    PUBLIC = "public", "Online form (no account)"
    IN_APP = "in_app", "Professional, in this service"
    API = "api", "Professional's system (API)"


class ReferrerRelationship(models.TextChoices):
    SELF = "self", "I am the young person"
    PARENT_CARER = "parent_carer", "I am their parent or carer"
    PROFESSIONAL = "professional", "I am a professional working with them"
    OTHER = "other", "Someone else"

    @classmethod
    def family(cls) -> frozenset[str]:
        """Referrers who are the family themselves: telling them the outcome tells the family."""
        return frozenset({cls.SELF, cls.PARENT_CARER})


class Diagnosis(models.TextChoices):
    LEARNING_DISABILITY = "ld", "A learning disability"
    AUTISM = "autism", "Autism"
    BOTH = "both", "Both a learning disability and autism"
    NOT_SURE = "not_sure", "Not sure, or waiting for an assessment"


class EhcPlan(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "Not sure"


class DeclineReason(models.TextChoices):
    CRITERIA = "criteria", "Does not meet the criteria (learning disability or autism)"
    RISK = "risk", "No current risk of mental-health hospital admission"
    ALREADY_KNOWN = "already_known", "Already on the register"
    NO_CONSENT = "no_consent", "Consent not given"
    OTHER = "other", "Other"


class Step(models.TextChoices):
    """One step in a referral's triage trail."""

    RECEIVED = "received", "Received"
    AWAITING_INFORMATION = "awaiting_information", "Awaiting information"
    UNDER_REVIEW = "under_review", "Under review"
    ACCEPTED = "accepted", "Accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"
    FORWARDED = "forwarded", "Forwarded to another area"


class OutcomeRecipient(models.TextChoices):
    REFERRER = "referrer", "The person who made the referral"
    FAMILY = "family", "The young person or their family"


class OutcomeMethod(models.TextChoices):
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    IN_PERSON = "in_person", "In person"
    VIDEO = "video", "Video call"
    TEXT = "text", "Text message"
