from django.urls import path

import dashboards.converters  # noqa: F401  (registers the "scope" and "month" converters)
from dashboards import api

urlpatterns = [
    path("dashboard/", api.DashboardScopesView.as_view(), name="api-dashboard-scopes"),
    path(
        "dashboard/areas/<slug:slug>/returns/<month:month>/",
        api.MonthlyReturnView.as_view(),
        name="api-dashboard-return",
    ),
    path("dashboard/<scope:scope>/", api.DashboardView.as_view(), name="api-dashboard"),
]
