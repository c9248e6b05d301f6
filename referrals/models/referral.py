"""A referral of a young person to one area's Dynamic Support Register."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import Area, AreaOwned
from audit.history import track_changes
from dsr.models import Person, RegisterEntry
from dsr.nhs_numbers import validate_nhs_number
from referrals.models.choices import (
    OPEN_STATUSES,
    DeclineReason,
    Diagnosis,
    EhcPlan,
    ReferralStatus,
    ReferrerRelationship,
    Source,
)

# Field sizes: the public form accepts no more than this, and neither does the database.
NAME_LENGTH = 100
LONG_TEXT_LENGTH = 5000
SHORT_TEXT_LENGTH = 1000


@track_changes()
class Referral(AreaOwned):
    """What the referrer told us, and the area's triage of it. `person` and `entry` are set
    when the referral is accepted, so that a later transfer of the person moves it with them."""

    reference = models.CharField(max_length=14, unique=True, editable=False)
    source = models.CharField(max_length=10, choices=Source.choices)
    status = models.CharField(max_length=25, choices=ReferralStatus.choices, default=ReferralStatus.NEW)
    received_at = models.DateTimeField(default=timezone.now, editable=False)
    # When it reached the area now holding it: the decision clock runs from here.
    arrived_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    forwarded_from = models.ForeignKey(Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    # The young person.
    given_name = models.CharField("First name", max_length=NAME_LENGTH)
    family_name = models.CharField("Last name", max_length=NAME_LENGTH)
    preferred_name = models.CharField("Name they like to be called", max_length=NAME_LENGTH, blank=True)
    date_of_birth = models.DateField()
    # NULL, not "", when unknown (as on Person).
    nhs_number = models.CharField(  # noqa: DJ001
        "NHS number", max_length=10, null=True, blank=True, validators=[validate_nhs_number]
    )
    address = models.TextField(max_length=SHORT_TEXT_LENGTH, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    diagnosis = models.CharField(max_length=10, choices=Diagnosis.choices)
    has_ehc_plan = models.CharField(
        "Has an education, health and care (EHC) plan", max_length=10, choices=EhcPlan.choices
    )
    education_setting = models.CharField("School, college or other setting", max_length=200, blank=True)

    # What is happening.
    concerns = models.TextField("What is worrying you", max_length=LONG_TEXT_LENGTH)
    support_in_place = models.TextField("Support already in place or tried", max_length=LONG_TEXT_LENGTH, blank=True)
    communication_needs = models.TextField(
        "Communication needs or interpreter", max_length=SHORT_TEXT_LENGTH, blank=True
    )

    # Consent to be considered (the register's own consent is recorded on acceptance).
    consent_to_be_considered = models.BooleanField()
    consent_given_by = models.CharField("Who agreed to the referral", max_length=200, blank=True)

    # Who referred, and how to reach them and the family.
    referrer_relationship = models.CharField(max_length=15, choices=ReferrerRelationship.choices)
    referrer_name = models.CharField(max_length=200)
    referrer_organisation = models.CharField(max_length=200, blank=True)
    referrer_role = models.CharField("Referrer's job title or role", max_length=100, blank=True)
    referrer_phone = models.CharField(max_length=30, blank=True)
    referrer_email = models.EmailField(max_length=254, blank=True)
    family_contact_name = models.CharField("Parent or carer's name", max_length=200, blank=True)
    family_contact_phone = models.CharField("Parent or carer's phone", max_length=30, blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # The decision.
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals")
    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(max_length=15, choices=DeclineReason.choices, blank=True)
    decision_note = models.TextField(max_length=LONG_TEXT_LENGTH, blank=True)

    class Meta:
        ordering = ["arrived_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(consent_to_be_considered=True), name="referral_has_consent"),
            models.CheckConstraint(
                condition=~models.Q(referrer_phone="", referrer_email=""), name="referral_has_a_way_to_reply"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ReferralStatus.NOT_ACCEPTED)
                | (models.Q(decline_reason__gt="") & models.Q(decision_note__gt="")),
                name="declined_referral_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ReferralStatus.ACCEPTED)
                | models.Q(person__isnull=False, entry__isnull=False),
                name="accepted_referral_has_person_and_entry",
            ),
            models.CheckConstraint(
                condition=models.Q(nhs_number__regex=r"^\d{10}$"), name="referral_nhs_number_digits"
            ),
        ]
        indexes = [models.Index(fields=["area", "status", "arrived_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def referrer_is_family(self) -> bool:
        return self.referrer_relationship in ReferrerRelationship.family()
