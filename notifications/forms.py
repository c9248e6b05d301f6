"""Forms for a user's email preference and an area's reminder settings."""

from django import forms

from notifications.models import EmailChoice, NotificationSettings


class EmailPreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label="How should we email you about reminders?",
        choices=EmailChoice.choices,
        widget=forms.RadioSelect,
        help_text="Reminders always appear under Notifications. Emails never say who a reminder is about.",
        error_messages={"required": "Choose how we should email you", "invalid_choice": "Choose one of the options"},
    )


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = [
            "review_due_soon_days",
            "consent_warning_days",
            "hold_ending_warning_days",
            "oversight_visit_weeks_children",
            "oversight_visit_weeks_adults",
            "oversight_visit_warning_days",
            "no_contact_days_red",
            "no_contact_days_blue",
            "no_contact_days_amber",
            "no_contact_days_green",
            "keyworking_review_warning_days",
            "cetr_warning_days",
            "cetr_papers_warning_days",
            "feedback_warning_days",
            "referral_warning_days",
        ]

    def clean(self):
        cleaned = super().clean()
        for name in ("oversight_visit_weeks_children", "oversight_visit_weeks_adults"):
            if cleaned.get(name) == 0:
                self.add_error(name, "Enter a number of weeks of 1 or more")
        return cleaned
