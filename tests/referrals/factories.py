"""Referrals for tests, made through the intake service as a referrer would."""

from datetime import date

from referrals.models import Diagnosis, EhcPlan, Referral, ReferrerRelationship, Source
from referrals.services.intake import referral_submit
from tests.factories import area

DETAILS = {
    "given_name": "Robin",
    "family_name": "Examplechild",
    "date_of_birth": date(2011, 4, 3),
    "diagnosis": Diagnosis.AUTISM,
    "has_ehc_plan": EhcPlan.YES,
    "concerns": "Not sleeping; two visits to A&E this month.",
    "consent_to_be_considered": True,
    "consent_given_by": "Robin's mum",
    "referrer_relationship": ReferrerRelationship.PARENT_CARER,
    "referrer_name": "Sam Exampleparent",
    "referrer_phone": "01375 123 456",
}


def referral(slug: str = "thurrock", *, source: str = Source.PUBLIC, referred_by=None, **details) -> Referral:
    """A referral received by the area `slug`."""
    return referral_submit(area=area(slug), source=source, referred_by=referred_by, **(DETAILS | details))


def public_answers(**changes) -> dict:
    """What the public form posts for a complete, valid referral (without the spam fields)."""
    answers = {
        "given_name": "Robin",
        "family_name": "Examplechild",
        "date_of_birth_day": "3",
        "date_of_birth_month": "4",
        "date_of_birth_year": "2011",
        "nhs_number": "",
        "postcode": "rm17 5tt",
        "diagnosis": Diagnosis.AUTISM,
        "has_ehc_plan": EhcPlan.NOT_SURE,
        "concerns": "Not sleeping; two visits to A&E this month.",
        "consent_to_be_considered": "on",
        "referrer_relationship": ReferrerRelationship.PARENT_CARER,
        "referrer_name": "Sam Exampleparent",
        "referrer_phone": "01375 123 456",
        "referrer_email": "",
        "extra_comments": "",
    }
    return answers | changes
