"""Top-level URLs: pages per app, the REST API under /api/v1/, its schema and docs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.health import healthz

api_v1 = [
    path("", include("areas.api_urls")),
    path("", include("dsr.api_urls")),
    path("", include("keyworking.api_urls")),
    path("", include("cetr.api_urls")),
    path("", include("referrals.api_urls")),
    path("", include("dashboards.api_urls")),
]

urlpatterns = [
    path("", include("areas.urls")),
    path("accounts/", include("accounts.urls")),
    path("audit/", include("audit.urls")),
    path("register/", include("dsr.urls")),
    path("keyworking/", include("keyworking.urls")),
    path("cetr/", include("cetr.urls")),
    path("referrals/", include("referrals.urls")),
    path("notifications/", include("notifications.urls")),
    path("dashboards/", include("dashboards.urls")),
    # The public referral form: no sign-in (see referrals.public_urls).
    path("refer/", include("referrals.public_urls")),
    # The admin signs in through the service's own sign-in, with MFA.
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:sign-in", query_string=True)),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
