"""C(E)TR API routes under /api/v1/."""

from rest_framework.routers import SimpleRouter

from cetr.api import ActionViewSet, ReviewViewSet

router = SimpleRouter()
router.register("cetrs", ReviewViewSet, basename="api-cetr")
router.register("cetr-actions", ActionViewSet, basename="api-cetr-action")

urlpatterns = router.urls
