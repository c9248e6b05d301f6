"""Care (Education) and Treatment Reviews, their panels and their case papers.

Only these are C(E)TRs. LAEP and blue-light meetings are a different model
(cetr.models.meetings.EmergencyMeeting), so no count of reviews can include them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models import InpatientEpisode, Person


class ReviewKind(models.TextChoices):
    COMMUNITY = "community", "Community (pre-admission) C(E)TR"
    POST_ADMISSION = "post_admission", "Post-admission C(E)TR"
    INPATIENT_REPEAT = "inpatient_repeat", "Inpatient (repeat) C(E)TR"
    TRIGGERED_HOSPITAL_MOVE = "triggered_move", "Triggered: move to another hospital"
    TRIGGERED_DIAGNOSIS_REMOVED = "triggered_diagnosis", "Triggered: diagnosis removed"


# Reviews held while the person is an inpatient: each one restarts the repeat-review clock.
INPATIENT_KINDS = (
    ReviewKind.POST_ADMISSION,
    ReviewKind.INPATIENT_REPEAT,
    ReviewKind.TRIGGERED_HOSPITAL_MOVE,
)


class Variant(models.TextChoices):
    CETR = "cetr", "CETR (care, education and treatment review)"
    CTR = "ctr", "CTR (care and treatment review)"

    @property
    def short(self) -> str:
        return self.name


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    PART = "part", "Attended part"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"
    NOT_RECORDED = "", "Not recorded"


class ReviewStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held: report to issue"
    REPORT_ISSUED = "report_issued", "Report issued"
    CANCELLED = "cancelled", "Cancelled"


@track_changes()
class Review(AreaOwned):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cetrs")
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    variant = models.CharField(
        max_length=4, choices=Variant.choices, help_text="Follows from the person's age and EHC plan (cetr.rules)."
    )
    episode = models.ForeignKey(
        InpatientEpisode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cetrs",
        help_text="The admission an inpatient review belongs to.",
    )
    trigger_detail = models.TextField("What triggered the review", blank=True)
    due_by = models.DateField("Due by", null=True, blank=True, help_text="The policy deadline, when there is one.")
    requested_on = models.DateField()
    scheduled_at = models.DateTimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    invitations_sent_on = models.DateField(null=True, blank=True)
    papers_sent_on = models.DateField("Papers sent to the panel on", null=True, blank=True)
    held_on = models.DateField(null=True, blank=True)
    report_issued_on = models.DateField(null=True, blank=True)
    person_attendance = models.CharField(
        "The person's attendance", max_length=15, choices=Attendance.choices, blank=True
    )
    family_attendance = models.CharField(
        "The family's attendance", max_length=15, choices=Attendance.choices, blank=True
    )
    summary = models.TextField("Summary of the review", blank=True)
    cancelled_on = models.DateField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-requested_on", "-id"]
        indexes = [
            models.Index(fields=["area", "kind", "held_on"]),
            models.Index(fields=["person", "kind", "held_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(report_issued_on__isnull=True)
                | models.Q(held_on__isnull=False, report_issued_on__gte=models.F("held_on")),
                name="cetr_report_after_review_held",
            ),
            models.CheckConstraint(
                condition=models.Q(held_on__isnull=True) | models.Q(held_on__gte=models.F("requested_on")),
                name="cetr_held_after_requested",
            ),
            models.CheckConstraint(
                condition=models.Q(cancelled_on__isnull=True)
                | (models.Q(held_on__isnull=True) & ~models.Q(cancel_reason="")),
                name="cetr_cancelled_not_held_and_explained",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in INPATIENT_KINDS], episode__isnull=False)
                | ~models.Q(kind__in=[k.value for k in INPATIENT_KINDS]),
                name="cetr_inpatient_review_has_episode",
            ),
        ]

    def __str__(self) -> str:
        return f"{Variant(self.variant).short} ({self.get_kind_display()}) requested {self.requested_on}"

    @property
    def status(self) -> ReviewStatus:
        if self.cancelled_on:
            return ReviewStatus.CANCELLED
        if self.report_issued_on:
            return ReviewStatus.REPORT_ISSUED
        if self.held_on:
            return ReviewStatus.HELD
        if self.scheduled_at:
            return ReviewStatus.SCHEDULED
        return ReviewStatus.REQUESTED

    @property
    def variant_short(self) -> str:
        return Variant(self.variant).short


class PanelRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    CLINICAL_EXPERT = "clinical_expert", "Independent clinical expert"
    EXPERT_BY_EXPERIENCE = "expert_by_experience", "Independent expert by experience"
    OTHER = "other", "Other"


CORE_PANEL_ROLES = (PanelRole.CHAIR, PanelRole.CLINICAL_EXPERT, PanelRole.EXPERT_BY_EXPERIENCE)


@track_changes()
class PanelMember(AreaOwned):
    """One member of a review's panel. Members need not have an account; one who has can be
    given access to that review's case papers (and only those), once consent is recorded."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="panel")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=25, choices=PanelRole.choices)
    role_detail = models.CharField("Role (for others)", max_length=200, blank=True)
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cetr_panel_places",
        help_text="Their Keyworking account, if they have one.",
    )
    invited_on = models.DateField(null=True, blank=True)
    papers_access = models.BooleanField(
        "May open the case papers",
        default=False,
        help_text="Only with an account, and only once consent or a best-interests decision is recorded.",
    )
    attended = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["review", "role", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["review"], condition=models.Q(role="chair"), name="cetr_one_chair_per_review"
            ),
            models.UniqueConstraint(
                fields=["review", "user"], condition=models.Q(user__isnull=False), name="cetr_user_once_per_panel"
            ),
            models.CheckConstraint(
                condition=~models.Q(role="other") | ~models.Q(role_detail=""), name="cetr_other_panel_role_named"
            ),
            models.CheckConstraint(
                condition=models.Q(papers_access=False) | models.Q(user__isnull=False),
                name="cetr_papers_access_needs_account",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role_label})"

    @property
    def role_label(self) -> str:
        return self.role_detail if self.role == PanelRole.OTHER else self.get_role_display()


@track_changes()
class ReviewPaper(AreaOwned):
    """A document of the case papers prepared for the panel (a summary, a plan, a report)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="papers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    body = models.TextField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.title
