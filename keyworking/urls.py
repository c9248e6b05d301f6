"""Keyworking pages, under /keyworking/."""

from django.urls import path

from audit.settings_page import area_settings_view
from keyworking import views

app_name = "keyworking"

urlpatterns = [
    path("", views.home, name="home"),
    path("caseload/", views.caseload_view, name="caseload"),
    path("overview/", views.overview, name="overview"),
    path("areas/<slug:slug>/", views.area_view, name="area"),
    path("areas/<slug:slug>/eligibility/", views.policy_view, name="policy"),
    path("areas/<slug:slug>/settings/", area_settings_view, {"page": views.SETTINGS_PAGE}, name="settings"),
    path("entries/<int:entry_id>/allocate/", views.allocate_view, name="allocate"),
    path("people/<int:person_id>/", views.person_view, name="person"),
    path("cases/<int:pk>/", views.case_view, name="case"),
    path("cases/<int:pk>/reallocate/", views.reallocate_view, name="reallocate"),
    path("cases/<int:pk>/close/", views.close_view, name="close"),
    path("cases/<int:pk>/contacts/", views.contact_add, name="contact-add"),
    path("cases/<int:pk>/goals/", views.goal_add, name="goal-add"),
    path("cases/<int:pk>/hope/", views.hope_add, name="hope-add"),
    path("cases/<int:pk>/spending/", views.spend_add, name="spend-add"),
    path("cases/<int:pk>/clinical-input/", views.clinical_note_add, name="clinical-note-add"),
    path("cases/<int:pk>/outcomes/", views.outcomes_view, name="outcomes"),
    path("contacts/<int:contact_id>/edit/", views.contact_edit, name="contact-edit"),
    path("contacts/<int:contact_id>/amend/", views.contact_amend_view, name="contact-amend"),
    path("goals/<int:goal_id>/progress/", views.goal_progress, name="goal-progress"),
    path("goals/<int:goal_id>/status/", views.goal_status, name="goal-status"),
]
