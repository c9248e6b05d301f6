"""Queries about areas and who holds roles in them."""

from collections.abc import Iterable
from typing import TypeVar

from django.contrib.auth import get_user_model

from areas.models import Area, AreaRoleGrant, SettingsBase
from areas.roles import Role

S = TypeVar("S", bound=SettingsBase)


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


def _owner_id(owner) -> int:
    return owner if isinstance(owner, int) else owner.pk


def settings_for(model: type[S], owner) -> S:
    """The settings of one area (or partnership, for a partnership's settings model), given as
    the object or its id: the stored row, or an unsaved one carrying the national defaults.
    Reads only: nothing is written, so callers must not rely on the result having a pk."""
    key = f"{model.owner_field}_id"
    owner_id = _owner_id(owner)
    return model.objects.filter(**{key: owner_id}).first() or model(**{key: owner_id})


def settings_for_each(model: type[S], owners: Iterable) -> dict[int, S]:
    """`settings_for` of several owners in one query, by owner id."""
    key = f"{model.owner_field}_id"
    owner_ids = {_owner_id(owner) for owner in owners}
    found = {getattr(row, key): row for row in model.objects.filter(**{f"{key}__in": owner_ids})}
    return {owner_id: found.get(owner_id) or model(**{key: owner_id}) for owner_id in owner_ids}
