"""The home page and role administration for area admins."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from areas import access
from areas.forms import GrantRoleForm, RevokeRoleForm
from areas.roles import MANAGE_ROLES, Role
from areas.selectors import role_holders
from areas.services import role_grant, role_revoke


@login_required
def home(request):
    return render(request, "areas/home.html", {"admin_areas": access.areas_with(request.user, MANAGE_ROLES)})


@login_required
def roles_index(request):
    areas = access.areas_with(request.user, MANAGE_ROLES)
    if not areas:
        raise Http404("Nothing here for you.")
    if len(areas) == 1:
        return redirect("areas:roles", slug=areas[0].slug)
    return render(request, "areas/roles_index.html", {"areas": areas})


@login_required
def roles(request, slug: str):
    area = access.area_or_404(request.user, MANAGE_ROLES, slug)
    form = GrantRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, role = form.cleaned_data["username"], Role(form.cleaned_data["role"])
        role_grant(area=area, user=user, role=role)
        messages.success(request, f"{user.display_name} is now {role.label} in {area.name}.")
        return redirect("areas:roles", slug=area.slug)
    context = {"area": area, "holders": role_holders(area), "form": form}
    return render(request, "areas/roles.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def role_revoke_view(request, slug: str):
    area = access.area_or_404(request.user, MANAGE_ROLES, slug)
    form = RevokeRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That role could not be removed. Try again.")
        return redirect("areas:roles", slug=area.slug)
    user = get_user_model().objects.filter(pk=form.cleaned_data["user_id"]).first()
    if user is None:
        raise Http404("No such user.")
    role = Role(form.cleaned_data["role"])
    role_revoke(area=area, user=user, role=role)
    messages.success(request, f"{user.display_name} is no longer {role.label} in {area.name}.")
    return redirect("areas:roles", slug=area.slug)
