"""Role administration forms."""

from django import forms

from areas.roles import Role
from areas.selectors import active_user_by_username


class GrantRoleForm(forms.Form):
    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="The colleague's Keyworking username.",
        error_messages={"required": "Enter the username of the person to give a role to"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role", "invalid_choice": "Choose one of the roles listed"},
    )

    def clean_username(self):
        user = active_user_by_username(self.cleaned_data["username"].strip())
        if user is None:
            raise forms.ValidationError("There is no active account with that username")
        return user


class RevokeRoleForm(forms.Form):
    user_id = forms.IntegerField()
    role = forms.ChoiceField(choices=Role.choices)
