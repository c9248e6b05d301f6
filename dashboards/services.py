"""Changing small-number suppression: an area's (on its page) and a partnership's (in admin)."""

from areas.models import Area, Partnership
from areas.services import settings_update
from dashboards.models import DashboardSettings, PartnershipDashboardSettings


def dashboard_settings_update(*, area: Area | int, user, **changes) -> DashboardSettings:
    return settings_update(DashboardSettings, area, user=user, **changes)


def partnership_dashboard_settings_update(
    *, partnership: Partnership | int, user, **changes
) -> PartnershipDashboardSettings:
    return settings_update(PartnershipDashboardSettings, partnership, user=user, **changes)
