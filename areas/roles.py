"""The roles a user can hold in an area, and the capabilities each gives.

A role is a django-guardian object permission on an Area. Capabilities name what a view or
task needs; each app declares its own from these roles, so the access layer never has to know
about the apps above it.
"""

from dataclasses import dataclass

from django.db import models


class Role(models.TextChoices):
    DSR_HOLDER = "dsr_holder", "DSR holder"
    MDT_CHAIR = "mdt_chair", "MDT chair"
    KEYWORKER = "keyworker", "Keyworker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Keyworking senior practitioner"
    CETR_COORDINATOR = "cetr_coordinator", "C(E)TR coordinator"
    COMMISSIONER = "commissioner", "Commissioner"
    AREA_ADMIN = "area_admin", "Area admin"
    IG_LEAD = "ig_lead", "Information governance lead"


@dataclass(frozen=True)
class Capability:
    """Something a user may do in an area, granted by holding any one of `roles` there."""

    name: str
    roles: frozenset[Role]

    def __init__(self, name: str, roles: set[Role] | frozenset[Role]):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "roles", frozenset(roles))


MANAGE_ROLES = Capability("manage roles", {Role.AREA_ADMIN})
READ_AUDIT = Capability("read the access log and change history", {Role.IG_LEAD})
