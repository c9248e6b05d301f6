"""`/api/v1/meetings/`: DSR MDT meetings with their cases, decisions and actions (read-only),
scoped to the caller's areas. Routed from keyworking.api_urls."""

import django_filters
from django.db.models import Prefetch
from rest_framework import serializers, viewsets
from rest_framework.pagination import CursorPagination

from areas import access
from audit.logging import LoggedReadsMixin
from audit.services import Shown
from dsr.meetings.capabilities import VIEW_MEETINGS
from dsr.models import AgendaItem, Meeting, MeetingAction
from dsr.models.meeting import ItemStatus


class MeetingActionSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner_label", read_only=True)
    status = serializers.CharField(read_only=True, help_text="open, done or cancelled")

    class Meta:
        model = MeetingAction
        fields = ["id", "description", "owner", "due_on", "status", "completed_on"]


class AgendaItemSerializer(serializers.ModelSerializer):
    rating_decided = serializers.SerializerMethodField()
    status = serializers.CharField(read_only=True, help_text="to_discuss, discussed, deferred or removed")
    actions = MeetingActionSerializer(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "person",
            "entry",
            "reasons",
            "status",
            "rating_before",
            "rating_decided",
            "notes",
            "keyworking_decision",
            "keyworking_reason",
            "allocation",
            "feedback_due",
            "actions",
        ]

    def get_rating_decided(self, item) -> str:
        return item.rating_change.rating if item.rating_change_id else ""


class MeetingSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    chair = serializers.CharField(source="chair.username", read_only=True)
    items = AgendaItemSerializer(many=True, read_only=True)
    status = serializers.CharField(read_only=True, help_text="planned, in_progress or closed")
    # A local wall-clock time ("14:00:00"): JSON Schema's `time` format demands a UTC offset.
    starts_at = serializers.CharField(read_only=True, allow_null=True, help_text="Local time, HH:MM:SS")

    class Meta:
        model = Meeting
        fields = ["id", "area", "held_on", "starts_at", "location", "urgent", "chair", "status", "closed_at", "items"]


class MeetingFilter(django_filters.FilterSet):
    area = django_filters.CharFilter(field_name="area__slug")
    held_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte")
    held_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte")

    class Meta:
        model = Meeting
        fields = ["status", "urgent"]


class MeetingCursor(CursorPagination):
    ordering = ("-held_on", "-id")


class MeetingViewSet(LoggedReadsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    pagination_class = MeetingCursor
    access_log_record_type = "agenda item"

    def get_queryset(self):
        items = (
            AgendaItem.objects.exclude(status=ItemStatus.REMOVED)
            .select_related("rating_change")
            .prefetch_related(Prefetch("actions", queryset=MeetingAction.objects.select_related("owner")))
        )
        meetings = Meeting.objects.select_related("area", "chair").prefetch_related(Prefetch("items", queryset=items))
        return access.scope(meetings, self.request.user, VIEW_MEETINGS)

    def access_log_shown(self, meetings) -> list[Shown]:
        """A meeting shows its agenda: the cases on it are what is read."""
        return [Shown(item.area_id, item.id, item.person_id) for meeting in meetings for item in meeting.items.all()]
