"""Template context for the page shell."""

from web.navigation import menu_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"navigation": lambda: menu_for(request)}
