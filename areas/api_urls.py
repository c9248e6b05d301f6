from django.urls import path

from areas.api import MyAreasView

urlpatterns = [
    path("areas/", MyAreasView.as_view(), name="api-areas"),
]
