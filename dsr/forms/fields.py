"""Field helpers shared by the register's forms."""

from django import forms

from dsr.rules import DATE_VALIDATORS
from web.forms import DateInput


def date_field(label: str, *, required: bool = True, help_text: str = "", **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateInput,
        validators=DATE_VALIDATORS,
        error_messages={
            "invalid": f"Enter a real date for “{label.lower()}”",
            "required": f"Enter the {label.lower()}",
        },
        **kwargs,
    )


def text_area(label: str, *, required: bool = False, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label.lower()}"},
    )


def choice_field(label: str, choices, *, required: bool = True, radios: bool = True, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices if radios else [("", "Choose…"), *choices],
        required=required,
        widget=forms.RadioSelect if radios else forms.Select,
        error_messages={"required": f"Choose the {label.lower()}", "invalid_choice": "Choose one of the options"},
        **kwargs,
    )
