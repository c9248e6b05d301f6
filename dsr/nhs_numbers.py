"""NHS numbers: the modulus-11 check (the nhs-number package) and tidy storage."""

import nhs_number
from django.core.exceptions import ValidationError


def normalise_nhs_number(value: str) -> str:
    """Spaces and dashes removed: '943 476 5919' -> '9434765919'."""
    return "".join(ch for ch in value if ch.isdigit() or ch.isalpha())


def validate_nhs_number(value: str) -> None:
    digits = normalise_nhs_number(value or "")
    if not (len(digits) == 10 and digits.isdigit()):
        raise ValidationError("Enter an NHS number with 10 digits, like 943 476 5919", code="nhs_number_length")
    if not nhs_number.is_valid(digits):
        raise ValidationError("Enter a real NHS number: this one fails the check digit", code="nhs_number_check")


def synthetic_nhs_number(serial: int) -> str:
    """A valid number from the reserved test range starting 999 (for demo and test data only)."""
    for candidate in range(serial, serial + 100):
        stem = f"999{candidate % 1_000_000:06d}"
        check = nhs_number.calculate_checksum(stem)
        if 0 <= int(check) <= 9:
            return stem + str(check)
    raise ValueError("No valid check digit near this serial.")
