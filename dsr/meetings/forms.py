"""Forms of the meeting pages. They check input shape; the services check the rules."""

from django import forms
from django.utils import timezone

from dsr.models import MeetingSettings, Rating
from dsr.models.meeting import ActionStatus, FeedbackMethod, FeedbackRecipient, KeyworkingDecision
from web.forms import DateInput, require_at_least_one


class TimeInput(forms.TimeInput):
    input_type = "time"


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.display_name


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="Date", widget=DateInput)
    starts_at = forms.TimeField(label="Start time", required=False, widget=TimeInput)
    location = forms.CharField(max_length=200, required=False, help_text="A room, or how to join online.")
    chair = UserChoiceField(queryset=None, empty_label=None)
    urgent = forms.BooleanField(
        label="This is an urgent (ad-hoc) meeting", required=False, help_text="Called for one or a few urgent cases."
    )

    def __init__(self, *args, chairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs


class AttendeeForm(forms.Form):
    user = UserChoiceField(queryset=None, required=False, label="Someone with an account here", empty_label="")
    name = forms.CharField(max_length=200, required=False, label="Or the name of an external attendee")
    organisation = forms.CharField(max_length=200, required=False, label="Their organisation or role")

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users

    def clean(self):
        data = super().clean()
        if not data.get("user") and not data.get("name", "").strip():
            raise forms.ValidationError("Choose a user or enter the name of an external attendee.")
        return data


def _born_label(entry) -> str:
    return f"{entry.person.full_name} (born {entry.person.date_of_birth:%-d %b %Y})"


class UrgentAdditionForm(forms.Form):
    """Search the register, then choose the person among the matches. Only the matches are
    offered (an area holds tens of thousands of entries), but any open entry of the area is
    accepted, whichever search found it."""

    find = forms.CharField(required=False, widget=forms.HiddenInput)
    entry = forms.ModelChoiceField(
        queryset=None,
        label="Person",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the person to add",
            "invalid_choice": "Choose a person on this area's register",
        },
    )
    note = forms.CharField(label="Why it is urgent", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, entries, matches, **kwargs):
        super().__init__(*args, **kwargs)
        self.matches = matches
        self.fields["entry"].queryset = entries
        self.fields["entry"].choices = [(entry.pk, _born_label(entry)) for entry in matches]


class DiscussionForm(forms.Form):
    rating = forms.ChoiceField(
        label="Rating decided",
        choices=[("", "No rating decision"), *list(Rating.choices)],
        required=False,
        widget=forms.RadioSelect,
    )
    rating_reason = forms.CharField(
        label="Reason for the rating", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = forms.CharField(label="Discussion notes", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    keyworking_decision = forms.ChoiceField(
        label="Keyworking decision", choices=KeyworkingDecision.choices, required=False, widget=forms.RadioSelect
    )
    keyworker = forms.TypedChoiceField(
        label="Keyworker to allocate",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Each keyworker's current caseload and its weight (by rating) are shown.",
    )
    keyworking_reason = forms.CharField(
        label="Reason for the keyworking decision",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when closing keyworking.",
    )

    def __init__(self, *args, keyworker_options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keyworker"].choices = [("", "")] + [(option.user_id, option.label) for option in keyworker_options]
        if not keyworker_options:
            self.fields["keyworker"].help_text = "Nobody holds the keyworker role in this area."

    def clean(self):
        data = super().clean()
        if data.get("rating") and not (data.get("rating_reason", "").strip() or data.get("notes", "").strip()):
            self.add_error("rating_reason", "Give the reason for the rating")
        return data


class ActionForm(forms.Form):
    description = forms.CharField(label="Action", widget=forms.Textarea(attrs={"rows": 2}))
    owner = UserChoiceField(queryset=None, required=False, label="Owner", empty_label="")
    owner_name = forms.CharField(max_length=200, required=False, label="Or the owner's name and organisation")
    due_on = forms.DateField(label="Due by", widget=DateInput)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = users

    def clean(self):
        data = super().clean()
        if not data.get("owner") and not data.get("owner_name", "").strip():
            self.add_error("owner", "Choose who owns the action, or enter their name")
        return data


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)
    note = forms.CharField(required=False, max_length=1000, label="Progress note")


class FeedbackForm(forms.Form):
    item = forms.TypedChoiceField(coerce=int, label="Case")
    recipient = forms.ChoiceField(label="Who was told", choices=FeedbackRecipient.choices, widget=forms.RadioSelect)
    given_on = forms.DateField(label="When", widget=DateInput, initial=timezone.localdate)
    method = forms.ChoiceField(label="How", choices=FeedbackMethod.choices)
    given_to = forms.CharField(max_length=200, required=False, label="Name of the person told")
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [(item.id, item.person.full_name) for item in items]


class AmendmentForm(forms.Form):
    item = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="About (optional)")
    text = forms.CharField(label="Correction", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "The meeting as a whole")] + [
            (item.id, item.person.full_name) for item in items
        ]


class MeetingSettingsForm(forms.ModelForm):
    """How an area runs its meetings. A window of 0 days is allowed: the agenda then takes only
    reviews already due on the meeting's day."""

    class Meta:
        model = MeetingSettings
        fields = ["feedback_working_days", "review_due_window_days"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require_at_least_one(self, ["feedback_working_days"], "Enter a number of working days of 1 or more")
