"""Referral pages for signed-in users: the DSR holder's triage, and referring from inside."""

from django.urls import path

from audit.settings_page import area_settings_view
from referrals.views import intake, triage

app_name = "referrals"

urlpatterns = [
    path("", triage.index, name="index"),
    path("new/", intake.new, name="new"),
    path("mine/", intake.mine, name="mine"),
    path("<slug:slug>/", triage.queue_view, name="queue"),
    path("<slug:slug>/settings/", area_settings_view, {"page": triage.SETTINGS_PAGE}, name="settings"),
    path("<slug:slug>/<int:pk>/", triage.detail, name="detail"),
    path("<slug:slug>/<int:pk>/status/", triage.status_view, name="status"),
    path("<slug:slug>/<int:pk>/accept/", triage.accept, name="accept"),
    path("<slug:slug>/<int:pk>/decline/", triage.decline, name="decline"),
    path("<slug:slug>/<int:pk>/forward/", triage.forward, name="forward"),
    path("<slug:slug>/<int:pk>/outcome/", triage.outcome, name="outcome"),
]
