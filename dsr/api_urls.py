"""The register's API under /api/v1/."""

from rest_framework.routers import SimpleRouter

from dsr.api.views import PersonViewSet, RegisterEntryViewSet

router = SimpleRouter()
router.register("people", PersonViewSet, basename="api-people")
router.register("register-entries", RegisterEntryViewSet, basename="api-register-entries")

urlpatterns = router.urls
