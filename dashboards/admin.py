"""Django admin for suppression settings (a partnership's are set only here). Saves go through
the dashboards' settings services, like the settings page's, so they record who changed them."""

from django.contrib import admin

from dashboards.models import DashboardSettings, PartnershipDashboardSettings
from dashboards.services import dashboard_settings_update, partnership_dashboard_settings_update


class _SettingsAdmin(admin.ModelAdmin):
    readonly_fields = ("changed_at", "changed_by")

    def save_model(self, request, obj, form, change):
        changes = {name: getattr(obj, name) for name in type(obj).setting_names()}
        saved = self.update(obj, user=request.user, **changes)
        obj.pk = saved.pk

    def update(self, obj, **kwargs):
        raise NotImplementedError


@admin.register(DashboardSettings)
class DashboardSettingsAdmin(_SettingsAdmin):
    list_display = ("area", "suppress_below", "round_to", "changed_at", "changed_by")

    def update(self, obj, **kwargs):
        return dashboard_settings_update(area=obj.area_id, **kwargs)


@admin.register(PartnershipDashboardSettings)
class PartnershipDashboardSettingsAdmin(_SettingsAdmin):
    list_display = ("partnership", "suppress_below", "round_to", "changed_at", "changed_by")

    def update(self, obj, **kwargs):
        return partnership_dashboard_settings_update(partnership=obj.partnership_id, **kwargs)
