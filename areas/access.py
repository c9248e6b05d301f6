"""The access layer: the one way views, the API, exports, tasks and dashboards reach tenant data.

It answers "in which areas may this user do X" and narrows querysets to those areas. A record
outside them is reported as not found (404), never as forbidden, so nobody learns that it
exists. Row-level security (areas.rls) enforces the same boundary again in the database.
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.http import Http404

from areas.models import Area, AreaRoleGrant
from areas.roles import Capability, Role

_CACHE_ATTRIBUTE = "_keyworking_area_roles"


def area_roles(user) -> dict[int, frozenset[Role]]:
    """{area id: roles held there}, read once per user object (so once per request: a revoked
    role stops working on the user's next request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        roles: dict[int, set[Role]] = {}
        grants = AreaRoleGrant.objects.filter(user=user).values_list("content_object_id", "permission__codename")
        for area_id, codename in grants:
            if codename in Role.values:
                roles.setdefault(area_id, set()).add(Role(codename))
        if user.is_superuser:
            # Superusers (made only by createsuperuser) administer roles everywhere, to appoint
            # the first area admins; they gain no other role, so they see no records.
            for area_id in Area.objects.values_list("id", flat=True):
                roles.setdefault(area_id, set()).add(Role.AREA_ADMIN)
        cached = {area_id: frozenset(held) for area_id, held in roles.items()}
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def area_ids_with(user, capability: Capability) -> list[int]:
    """The areas in which `user` holds one of the capability's roles."""
    return sorted(area_id for area_id, roles in area_roles(user).items() if roles & capability.roles)


def row_scope_area_ids(user) -> list[int]:
    """Every area in which the user holds any role: the row-level security scope of a request."""
    return sorted(area_roles(user))


def has_capability(user, capability: Capability, area_id: int) -> bool:
    return bool(area_roles(user).get(area_id, frozenset()) & capability.roles)


def areas_with(user, capability: Capability) -> QuerySet[Area]:
    return Area.objects.filter(id__in=area_ids_with(user, capability)).select_related("partnership")


def area_or_404(user, capability: Capability, slug: str) -> Area:
    """The area named by `slug` if the user may do `capability` there; otherwise 404."""
    try:
        return areas_with(user, capability).get(slug=slug)
    except Area.DoesNotExist:
        raise Http404("No such area.") from None


def scope(queryset: QuerySet, user, capability: Capability, *, area_field: str = "area") -> QuerySet:
    """Narrow an area-owned queryset to the areas where the user holds the capability."""
    return queryset.filter(**{f"{area_field}__in": area_ids_with(user, capability)})


def get_or_404(queryset: QuerySet, user, capability: Capability, **lookup) -> Model:
    """One area-owned record the user may act on; 404 for missing and forbidden alike."""
    try:
        return scope(queryset, user, capability).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404("No such record.") from None


def require_any(user, capability: Capability) -> list[int]:
    """For views that work across the user's areas: 404 when the user has the capability nowhere."""
    area_ids = area_ids_with(user, capability)
    if not area_ids:
        raise Http404("Nothing here for you.")
    return area_ids


def users_with_role(role: Role, area_ids: Iterable[int]):
    """Active users holding `role` in any of `area_ids` (recipients, allocatable keyworkers)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            role_grants__permission__codename=role.value,
            role_grants__content_object_id__in=list(area_ids),
        )
        .distinct()
    )
