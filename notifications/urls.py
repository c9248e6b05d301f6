from django.urls import path

from audit.settings_page import area_settings_view
from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("count/", views.unread_count_fragment, name="count"),
    path("read-all/", views.notification_read_all, name="read-all"),
    path("preferences/", views.preferences, name="preferences"),
    path("settings/", views.settings_index, name="settings-index"),
    path("settings/<slug:slug>/", area_settings_view, {"page": views.SETTINGS_PAGE}, name="settings"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("<int:pk>/read/", views.notification_read, name="read"),
    path("<int:pk>/unread/", views.notification_unread, name="unread"),
]
