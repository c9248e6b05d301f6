from django.urls import path

from areas import views

app_name = "areas"

urlpatterns = [
    path("", views.home, name="home"),
    path("roles/", views.roles_index, name="roles-index"),
    path("areas/<slug:slug>/roles/", views.roles, name="roles"),
    path("areas/<slug:slug>/roles/revoke/", views.role_revoke_view, name="role-revoke"),
]
