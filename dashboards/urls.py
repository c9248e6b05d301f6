from django.urls import path

import dashboards.converters  # noqa: F401  (registers the "scope" and "month" converters)
from audit.settings_page import area_settings_view
from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.index, name="index"),
    path("disclosure/", views.disclosure_index, name="disclosure-index"),
    path("areas/<slug:slug>/disclosure/", area_settings_view, {"page": views.SETTINGS_PAGE}, name="disclosure"),
    path("areas/<slug:slug>/returns/", views.returns, name="returns"),
    path("areas/<slug:slug>/returns/<month:month>.<str:fmt>", views.monthly_return_view, name="return"),
    path("<scope:scope>/", views.dashboard_view, name="dashboard"),
    path("<scope:scope>/export.<str:fmt>", views.export, name="export"),
]
