"""Reading the dashboards' settings: each area's small-number suppression."""

from dashboards.models import DashboardSettings


def area_settings(area_id: int) -> DashboardSettings:
    """The area's settings, made with the national defaults on first use."""
    return DashboardSettings.objects.get_or_create(area_id=area_id)[0]


def area_settings_for(area_ids) -> dict[int, DashboardSettings]:
    """Settings of several areas in one query; areas without a row get the national defaults
    (unsaved, so reading a dashboard writes nothing)."""
    area_ids = list(area_ids)
    found = {settings.area_id: settings for settings in DashboardSettings.objects.filter(area_id__in=area_ids)}
    return {area_id: found.get(area_id) or DashboardSettings(area_id=area_id) for area_id in area_ids}
