"""Per-area C(E)TR settings. The field defaults are the national defaults."""

from django.db import models

from areas.models import AreaSettings
from audit.history import track_changes


@track_changes()
class CetrSettings(AreaSettings):
    """How one area runs its C(E)TRs: the clocks of the national policy, which an area may
    tighten or loosen. Without a row, the national defaults apply."""

    post_admission_child_working_days = models.PositiveSmallIntegerField(
        "Post-admission review for a child within (working days)",
        default=5,
        help_text="Working days skip weekends and bank holidays in England and Wales. National interim rule: 5.",
    )
    post_admission_adult_days = models.PositiveSmallIntegerField(
        "Post-admission review for an adult within (days)", default=28
    )
    repeat_child_months = models.PositiveSmallIntegerField(
        "Repeat inpatient review for a child every (months)", default=3
    )
    repeat_adult_months = models.PositiveSmallIntegerField(
        "Repeat inpatient review for an adult in a non-secure setting every (months)", default=6
    )
    repeat_adult_secure_months = models.PositiveSmallIntegerField(
        "Repeat inpatient review for an adult in a secure setting every (months)", default=12
    )
    invitations_days_before = models.PositiveSmallIntegerField("Send invitations (days before)", default=14)
    consent_days_before = models.PositiveSmallIntegerField("Have consent recorded (days before)", default=14)
    papers_hours_before = models.PositiveSmallIntegerField(
        "Send papers to the panel (hours before)",
        default=24,
        help_text="When this falls on a weekend or bank holiday, papers are due on the working day before.",
    )
    report_days_after = models.PositiveSmallIntegerField("Issue the report within (days after)", default=14)
    community_review_window_days = models.PositiveSmallIntegerField(
        "A community C(E)TR counts for an admission if held within (days before it)",
        default=183,
        help_text="An admission with no community C(E)TR in this window needs a root-cause review.",
    )
    action_due_soon_days = models.PositiveSmallIntegerField("Actions are 'due soon' within (days)", default=14)
    oversight_panel_name = models.CharField(
        "Name of the area's oversight panel", max_length=200, default="ICS oversight panel"
    )

    class Meta:
        verbose_name_plural = "C(E)TR settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(post_admission_child_working_days__gte=1, post_admission_adult_days__gte=1),
                name="cetr_post_admission_clocks_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    repeat_child_months__gte=1, repeat_adult_months__gte=1, repeat_adult_secure_months__gte=1
                ),
                name="cetr_repeat_intervals_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"C(E)TR settings for area {self.area_id}"
