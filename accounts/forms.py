"""Sign-in, MFA and API token forms."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from accounts.tokens import DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS


class SignInForm(AuthenticationForm):
    error_messages = {
        # The same words whether the username exists or not: no user enumeration.
        "invalid_login": "Enter a correct username and password.",
        "inactive": "Enter a correct username and password.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app.",
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "width": "10", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the 6-digit security code"},
    )

    def __init__(self, *args, check=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._check = check

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the 6-digit security code")
        if not self._check(code):
            raise forms.ValidationError("The security code is not right, or has expired. Enter the code shown now.")
        return code


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="What the token is for",
        help_text="For example, the name of the script or system that will use it.",
        max_length=100,
        error_messages={"required": "Enter what the token is for"},
    )
    lifetime_days = forms.IntegerField(
        label="Days until it expires",
        min_value=1,
        max_value=MAX_LIFETIME_DAYS,
        initial=DEFAULT_LIFETIME_DAYS,
        widget=forms.NumberInput(attrs={"width": "4"}),
        error_messages={
            "required": "Enter how many days the token should last",
            "min_value": "A token must last at least 1 day",
            "max_value": f"A token can last at most {MAX_LIFETIME_DAYS} days",
            "invalid": "Enter a whole number of days",
        },
    )
