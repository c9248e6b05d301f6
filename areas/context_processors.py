"""Template context: the signed-in user's areas and roles, for the header."""

from areas.access import area_roles
from areas.models import Area


def user_areas(request):
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_verified", lambda: False)():
        return {}

    def memberships():
        roles = area_roles(user)
        areas = Area.objects.filter(id__in=roles).order_by("name")
        return [(area, sorted(role.label for role in roles[area.id])) for area in areas]

    return {"my_memberships": memberships}
