"""C(E)TR pages under /cetr/."""

from django.urls import path

from audit.settings_page import area_settings_view
from cetr.views import actions, admissions, areas, panel, reviews

app_name = "cetr"

urlpatterns = [
    path("", areas.index, name="index"),
    path("areas/<slug:slug>/", areas.area, name="area"),
    path("areas/<slug:slug>/settings/", area_settings_view, {"page": areas.SETTINGS_PAGE}, name="settings"),
    path("areas/<slug:slug>/reviews/new/", reviews.review_new, name="review-new"),
    path("areas/<slug:slug>/admissions/", admissions.admissions, name="admissions"),
    path("areas/<slug:slug>/actions/", actions.area_actions, name="area-actions"),
    path("areas/<slug:slug>/owners/", actions.owners, name="owners"),
    path("areas/<slug:slug>/emergency-meetings/new/", admissions.emergency_meeting_new, name="emergency-new"),
    path("reviews/<int:pk>/", reviews.review_view, name="review"),
    path("reviews/<int:pk>/record/", reviews.review_record_view, name="review-record"),
    path("reviews/<int:pk>/cancel/", reviews.review_cancel_view, name="review-cancel"),
    path("reviews/<int:pk>/recommendations/", reviews.recommendation_add_view, name="recommendation-add"),
    path("reviews/<int:pk>/panel/", panel.panel_add, name="panel-add"),
    path("reviews/<int:pk>/panel/<int:member_id>/access/", panel.panel_access, name="panel-access"),
    path("reviews/<int:pk>/panel/<int:member_id>/remove/", panel.panel_remove, name="panel-remove"),
    path("reviews/<int:pk>/papers/", panel.papers_view, name="papers"),
    path("recommendations/<int:pk>/actions/new/", actions.action_new, name="action-new"),
    path("actions/", actions.caseload_actions, name="caseload-actions"),
    path("actions/<int:pk>/", actions.action_view, name="action"),
    path("actions/<int:pk>/escalate/", actions.action_escalate_view, name="action-escalate"),
    path("escalations/<int:pk>/outcome/", actions.escalation_outcome_view, name="escalation-outcome"),
    path("episodes/<int:pk>/root-cause-review/", admissions.root_cause, name="root-cause"),
    path("people/<int:pk>/", admissions.person_history, name="person"),
    path("panels/", panel.panels, name="panels"),
]
