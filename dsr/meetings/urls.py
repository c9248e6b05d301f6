"""DSR MDT meeting pages, under /register/meetings/ (namespace `dsr:meetings`)."""

from django.urls import path

from audit.settings_page import area_settings_view
from dsr.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("<slug:slug>/new/", views.meeting_plan_view, name="plan"),
    path("<slug:slug>/settings/", area_settings_view, {"page": views.SETTINGS_PAGE}, name="settings"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/start/", views.meeting_start_view, name="start"),
    path("<int:pk>/close/", views.meeting_close_view, name="close"),
    path("<int:pk>/agenda/build/", views.agenda_build_view, name="agenda-build"),
    path("<int:pk>/agenda/add/", views.agenda_add_view, name="agenda-add"),
    path("<int:pk>/attendees/", views.attendee_add_view, name="attendee-add"),
    path("<int:pk>/attendees/<int:attendee_id>/remove/", views.attendee_remove_view, name="attendee-remove"),
    path("<int:pk>/cases/<int:item_id>/", views.item_detail, name="item"),
    path("<int:pk>/cases/<int:item_id>/remove/", views.item_remove_view, name="item-remove"),
    path("<int:pk>/cases/<int:item_id>/move/", views.item_move_view, name="item-move"),
    path("<int:pk>/cases/<int:item_id>/actions/", views.action_add_view, name="action-add"),
    path("actions/<int:action_id>/status/", views.action_status_view, name="action-status"),
    path("<int:pk>/feedback/", views.feedback_view, name="feedback"),
    path("<int:pk>/record/", views.meeting_record, name="record"),
    path("<int:pk>/amendments/", views.amendment_add_view, name="amendment-add"),
]
