"""Granting and revoking roles in an area."""

from django.db import transaction
from guardian.shortcuts import assign_perm, remove_perm

from areas.models import Area
from areas.roles import Role


def _permission(role: Role) -> str:
    return f"areas.{role.value}"


@transaction.atomic
def role_grant(*, area: Area, user, role: Role) -> None:
    """Give `user` the role in `area` (no-op if they hold it). pghistory records who did it."""
    assign_perm(_permission(role), user, area)


@transaction.atomic
def role_revoke(*, area: Area, user, role: Role) -> None:
    """Take the role away; it stops working on the user's next request."""
    remove_perm(_permission(role), user, area)
