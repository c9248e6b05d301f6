"""C(E)TR forms: NHS.UK markup comes from the project's form renderer."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator

from cetr.models import ActionStatus, Attendance, CetrSettings, EmergencyMeetingKind, PanelRole, ReviewKind
from cetr.services.actions import UPDATABLE_STATUSES
from cetr.services.settings import EDITABLE_FIELDS
from web.forms import DateInput, DateTimeInput

REAL_DATE = {"invalid": "Enter a real date"}


def _date(
    label: str, *, required: bool = True, help_text: str = "", message: str = "Enter the date"
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateInput,
        error_messages=REAL_DATE | {"required": message},
    )


def _text(
    label: str, *, required: bool = True, help_text: str = "", rows: int = 4, message: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message or f"Enter {label[0].lower()}{label[1:]}"},
    )


class UsernameField(forms.CharField):
    """An optional Keyworking username, turned into the active user."""

    def __init__(self, **kwargs):
        super().__init__(max_length=150, required=False, **kwargs)
        self.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean(self, value):
        username = super().clean(value).strip()
        if not username:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError("There is no active account with that username")
        return user


class ReviewRequestForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Person",
        queryset=None,
        error_messages={"required": "Choose the person", "invalid_choice": "Choose a person on this area's register"},
    )
    kind = forms.ChoiceField(
        label="Type of review",
        choices=ReviewKind.choices,
        widget=forms.RadioSelect,
        help_text="LAEP and blue-light meetings are not C(E)TRs: record them as emergency meetings.",
        error_messages={"required": "Choose the type of review"},
    )
    requested_on = _date("Date requested", message="Enter the date the review was requested")
    trigger_detail = _text(
        "What triggered the review", required=False, help_text="For a triggered review: the move or the diagnosis."
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda person: (
            f"{person.full_name} (born {person.date_of_birth:%-d %b %Y})"
        )


class ReviewRecordForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label="Date and time of the review",
        required=False,
        input_formats=DateTimeInput.input_formats,
        widget=DateTimeInput,
        error_messages={"invalid": "Enter a real date and time"},
    )
    venue = forms.CharField(label="Venue", max_length=300, required=False, help_text="Or how people join online.")
    invitations_sent_on = _date("Invitations sent on", required=False)
    papers_sent_on = _date("Papers sent to the panel on", required=False)
    held_on = _date("Held on", required=False)
    person_attendance = forms.ChoiceField(
        label="Did the person attend?", choices=Attendance.choices, widget=forms.RadioSelect, required=False
    )
    family_attendance = forms.ChoiceField(
        label="Did their family attend?", choices=Attendance.choices, widget=forms.RadioSelect, required=False
    )
    summary = _text("Summary of the review", required=False, rows=6)
    report_issued_on = _date("Report issued on", required=False)


class ReviewCancelForm(forms.Form):
    reason = _text("Why is the review cancelled?", rows=3, message="Say why the review is cancelled")
    cancelled_on = _date("Cancelled on")


class PanelMemberForm(forms.Form):
    role = forms.ChoiceField(
        label="Role on the panel",
        choices=PanelRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the member's role"},
    )
    role_detail = forms.CharField(label="Role (if other)", max_length=200, required=False)
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the member's name"})
    organisation = forms.CharField(label="Organisation", max_length=200, required=False)
    email = forms.EmailField(label="Email address", required=False, error_messages={"invalid": "Enter a real email"})
    username = UsernameField(
        label="Keyworking username (if they have an account)",
        help_text="Needed only for the member to open the case papers here.",
    )
    invited_on = _date("Invited on", required=False)
    papers_access = forms.BooleanField(
        label="May open this review's case papers",
        required=False,
        help_text="Only once consent or a best-interests decision is recorded; only this review's papers.",
    )


class PaperForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Give the paper a title"})
    body = _text("Content", rows=10, message="Write the paper's content")


class RecommendationForm(forms.Form):
    text = _text("Recommendation", rows=3, message="Write the recommendation")


class ActionForm(forms.Form):
    description = _text("What is to be done", rows=3, message="Say what is to be done")
    owner_name = forms.CharField(
        label="Owner",
        max_length=200,
        help_text="The person responsible.",
        error_messages={"required": "Name the person who owns the action"},
    )
    owner_organisation = forms.CharField(
        label="Owner's organisation", max_length=200, error_messages={"required": "Name the owner's organisation"}
    )
    owner_username = UsernameField(label="Owner's Keyworking username (optional)")
    due_on = _date("Due by", message="Enter the due date")


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label="Status", widget=forms.RadioSelect)
    evidence = _text("Evidence of completion", required=False, rows=3, help_text="Needed to mark the action done.")
    note = _text(
        "Follow-up note",
        rows=3,
        help_text="What was done or found out. Kept in the follow-up log.",
        message="Say what was done or found out",
    )

    def __init__(self, *args, current_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = list(UPDATABLE_STATUSES)
        if current_status not in statuses:
            statuses = [ActionStatus(current_status)]  # escalated: only the panel's outcome moves it
        self.fields["status"].choices = [(status.value, status.label) for status in statuses]
        self.fields["status"].error_messages["required"] = "Choose the status"


class EscalateForm(forms.Form):
    reason = _text("Why is it being escalated?", rows=3, message="Say why the action is being escalated")
    escalated_on = _date("Escalated on")


class EscalationOutcomeForm(forms.Form):
    outcome = _text("What did the panel decide?", rows=3, message="Say what the panel decided")
    outcome_on = _date("Decided on")
    new_status = forms.ChoiceField(
        label="Where does that leave the action?",
        choices=[(status.value, status.label) for status in UPDATABLE_STATUSES],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the decision leaves the action"},
    )
    evidence = _text("Evidence of completion (if done)", required=False, rows=3)


class EmergencyMeetingForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Person",
        queryset=None,
        error_messages={"required": "Choose the person", "invalid_choice": "Choose a person on this area's register"},
    )
    kind = forms.ChoiceField(
        label="Meeting",
        choices=EmergencyMeetingKind.choices,
        widget=forms.RadioSelect,
        help_text="Recorded for the history; never counted as a C(E)TR.",
        error_messages={"required": "Choose the kind of meeting"},
    )
    held_on = _date("Held on", message="Enter the date of the meeting")
    attendees = _text("Who attended", required=False, rows=2)
    outcome = _text("What was decided", rows=4, message="Record what the meeting decided")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda person: (
            f"{person.full_name} (born {person.date_of_birth:%-d %b %Y})"
        )


class RootCauseReviewForm(forms.Form):
    reviewed_on = _date("Reviewed on", message="Enter the date of the review")
    why_no_community_review = _text("Why was no community C(E)TR held?", message="Say why no community C(E)TR was held")
    findings = _text("What happened", message="Say what happened")
    learning = _text("What will change", message="Say what will change")


class CetrSettingsForm(forms.ModelForm):
    class Meta:
        model = CetrSettings
        fields = EDITABLE_FIELDS
        widgets = {name: forms.NumberInput(attrs={"width": "4"}) for name in EDITABLE_FIELDS[:-1]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "oversight_panel_name":
                field.validators.append(MinValueValidator(1, message="Enter a number of at least 1"))
                field.error_messages.update({"required": "Enter a number", "invalid": "Enter a whole number"})
