from django.urls import include, path

app_name = "dsr"

urlpatterns: list = [
    # DSR MDT meetings (dsr.meetings) live under /register/meetings/.
    path("meetings/", include("dsr.meetings.urls")),
]
