from django.contrib import admin

from dashboards.models import DashboardSettings, PartnershipDashboardSettings


@admin.register(DashboardSettings)
class DashboardSettingsAdmin(admin.ModelAdmin):
    list_display = ("area", "suppress_below", "round_to")


@admin.register(PartnershipDashboardSettings)
class PartnershipDashboardSettingsAdmin(admin.ModelAdmin):
    list_display = ("partnership", "suppress_below", "round_to")
