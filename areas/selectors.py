"""Queries about areas and who holds roles in them."""

from django.contrib.auth import get_user_model

from areas.models import Area, AreaRoleGrant
from areas.roles import Role


def role_holders(area: Area) -> list[tuple[object, list[Role]]]:
    """Users holding any role in the area, with their roles there, by name."""
    grants = (
        AreaRoleGrant.objects.filter(content_object=area, user__is_active=True)
        .select_related("user", "permission")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    holders: dict[int, tuple[object, list[Role]]] = {}
    for grant in grants:
        if grant.permission.codename in Role.values:
            holders.setdefault(grant.user_id, (grant.user, []))[1].append(Role(grant.permission.codename))
    return [(user, sorted(roles, key=list(Role).index)) for user, roles in holders.values()]


def active_user_by_username(username: str):
    return get_user_model().objects.filter(username=username, is_active=True).first()
