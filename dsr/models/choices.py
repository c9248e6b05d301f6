"""Choice lists of the register, in the words of DOMAIN.md."""

from django.db import models


class Rating(models.TextChoices):
    """Risk of mental-health hospital admission (only that)."""

    RED = "red", "Red – high risk of immediate admission"
    AMBER = "amber", "Amber – high risk if support is not provided promptly"
    GREEN = "green", "Green – risk managed well in the community"
    BLUE = "blue", "Blue – currently an inpatient"

    @property
    def short(self) -> str:
        return self.name.capitalize()


class Register(models.TextChoices):
    CHILDREN = "children", "Children's register (under 18)"
    ADULTS = "adults", "Adults' register (18 and over)"


class Diagnosis(models.TextChoices):
    LEARNING_DISABILITY = "ld", "Learning disability"
    AUTISM = "autism", "Autism"
    BOTH = "both", "Learning disability and autism"


class Ethnicity(models.TextChoices):
    """NHS Data Dictionary ethnic category (2001 census groups), for equality of access."""

    A = "A", "White – British"
    B = "B", "White – Irish"
    C = "C", "White – any other White background"
    D = "D", "Mixed – White and Black Caribbean"
    E = "E", "Mixed – White and Black African"
    F = "F", "Mixed – White and Asian"
    G = "G", "Mixed – any other mixed background"
    H = "H", "Asian or Asian British – Indian"
    J = "J", "Asian or Asian British – Pakistani"
    K = "K", "Asian or Asian British – Bangladeshi"
    L = "L", "Asian or Asian British – any other Asian background"
    M = "M", "Black or Black British – Caribbean"
    N = "N", "Black or Black British – African"
    P = "P", "Black or Black British – any other Black background"
    R = "R", "Other – Chinese"
    S = "S", "Other – any other ethnic group"
    Z = "Z", "Not stated"
