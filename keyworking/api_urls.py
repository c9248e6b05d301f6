"""Keyworking's API routes, and the meetings' (dsr.meetings.api), which are routed here so the
register's own api_urls stays with its developer."""

from rest_framework.routers import SimpleRouter

from dsr.meetings.api import MeetingViewSet
from keyworking.api import AllocationViewSet, ContactViewSet, GoalViewSet

router = SimpleRouter()
router.register("meetings", MeetingViewSet, basename="api-meetings")
router.register("allocations", AllocationViewSet, basename="api-allocations")
router.register("contacts", ContactViewSet, basename="api-contacts")
router.register("goals", GoalViewSet, basename="api-goals")

urlpatterns = router.urls
