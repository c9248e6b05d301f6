"""The register's rules, without the database."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dsr import rules
from dsr.models import Rating, Register
from dsr.models.consent import ConsentBasis
from dsr.nhs_numbers import synthetic_nhs_number, validate_nhs_number


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919"])
def test_valid_nhs_numbers_pass_the_modulus_11_check(number):
    validate_nhs_number(number)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("9434765918", "fails the check digit"),
        ("943476591", "10 digits"),
        ("94347659190", "10 digits"),
        ("abc", "10 digits"),
    ],
)
def test_invalid_nhs_numbers_are_refused_with_a_reason(number, message):
    with pytest.raises(ValidationError, match=message):
        validate_nhs_number(number)


def test_synthetic_nhs_numbers_are_valid_and_in_the_999_test_range():
    numbers = {synthetic_nhs_number(serial) for serial in range(0, 5000, 37)}
    assert all(number.startswith("999") and len(number) == 10 for number in numbers)
    for number in numbers:
        validate_nhs_number(number)


def test_the_register_follows_age():
    born = date(2008, 3, 1)
    assert rules.register_for(born, date(2026, 2, 28), adult_age=18) == Register.CHILDREN
    assert rules.register_for(born, date(2026, 3, 1), adult_age=18) == Register.ADULTS


def test_people_are_flagged_from_seventeen_and_a_half():
    born = date(2009, 1, 10)
    flag = {"adult_age": 18, "months_before": 6}
    assert not rules.is_nearing_adult_register(born, date(2026, 7, 9), **flag)
    assert rules.is_nearing_adult_register(born, date(2026, 7, 10), **flag)
    assert not rules.is_nearing_adult_register(born, date(2027, 1, 10), **flag)


@pytest.mark.parametrize(
    ("basis", "age", "allowed"),
    [
        (ConsentBasis.GILLICK, 15, True),
        (ConsentBasis.GILLICK, 16, False),
        (ConsentBasis.CAPACITOUS, 15, False),
        (ConsentBasis.CAPACITOUS, 16, True),
        (ConsentBasis.BEST_INTERESTS, 15, False),
        (ConsentBasis.BEST_INTERESTS, 19, True),
        (ConsentBasis.PARENTAL, 10, True),
        (ConsentBasis.PARENTAL, 18, False),
    ],
)
def test_consent_basis_must_fit_the_persons_age(basis, age, allowed):
    on = date(2026, 6, 1)
    born = date(on.year - age, 1, 1)
    assert (rules.consent_basis_problem(basis, born, on) is None) == allowed


def test_during_a_post_discharge_hold_the_rating_cannot_go_down_but_can_go_up():
    hold = {"held_until": date(2026, 6, 15), "held_rating": Rating.RED}
    assert rules.rating_change_problem(Rating.AMBER, on=date(2026, 6, 14), **hold)
    assert rules.rating_change_problem(Rating.BLUE, on=date(2026, 6, 14), **hold) is None
    assert rules.rating_change_problem(Rating.GREEN, on=date(2026, 6, 15), **hold) is None
