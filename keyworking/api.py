"""Keyworking API: `/api/v1/allocations/`, `/api/v1/contacts/`, `/api/v1/goals/`. Scoped to
what the caller may see (keyworkers: their own cases); writes go through the same services as
the pages, so the same rules and messages apply."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from areas import access
from audit.logging import LoggedReadsMixin
from dsr.models import Allocation, RegisterEntry
from keyworking import selectors
from keyworking.capabilities import ALLOCATE, VIEW_CASES
from keyworking.models import Activity, Contact, ContactMode, ContactWith, Goal
from keyworking.services import casework
from keyworking.services.allocations import allocation_create
from keyworking.services.contacts import contact_record, contact_update


class NewestFirst(CursorPagination):
    ordering = ("-id",)


# ---------------------------------------------------------------------------- allocations


class AllocationSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    keyworker = serializers.CharField(source="keyworker.username", read_only=True)
    waiting_days = serializers.SerializerMethodField()

    class Meta:
        model = Allocation
        fields = [
            "id",
            "area",
            "person",
            "entry",
            "keyworker",
            "eligible_since",
            "allocated_on",
            "waiting_days",
            "meeting",
            "ended_on",
            "end_reason",
        ]
        read_only_fields = fields

    def get_waiting_days(self, allocation) -> int:
        return (allocation.allocated_on - allocation.eligible_since).days


class AllocateSerializer(serializers.Serializer):
    entry = serializers.PrimaryKeyRelatedField(queryset=RegisterEntry.objects.none())
    keyworker = serializers.IntegerField(help_text="The id of a user holding the keyworker role in the entry's area.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["entry"].queryset = access.scope(RegisterEntry.objects.all(), request.user, ALLOCATE)


class AllocationFilter(django_filters.FilterSet):
    area = django_filters.CharFilter(field_name="area__slug")
    open = django_filters.BooleanFilter(field_name="ended_on", lookup_expr="isnull")

    class Meta:
        model = Allocation
        fields = ["person", "keyworker"]


class AllocationViewSet(LoggedReadsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = AllocationSerializer
    filterset_class = AllocationFilter
    pagination_class = NewestFirst
    access_log_record_type = "allocation"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Allocation.objects.none()
        return selectors.visible_allocations(self.request.user).select_related("area", "keyworker")

    @extend_schema(request=AllocateSerializer, responses={201: AllocationSerializer})
    def create(self, request, *args, **kwargs):
        """Allocate a keyworker (MDT chairs). 400 with a clear message if someone else has
        just allocated the same person."""
        data = AllocateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        entry = data.validated_data["entry"]
        keyworker = selectors.keyworker_in_area(entry.area_id, data.validated_data["keyworker"])
        allocation = allocation_create(entry=entry, keyworker=keyworker, allocated_by=request.user)
        return Response(AllocationSerializer(allocation).data, status=status.HTTP_201_CREATED)


# ---------------------------------------------------------------------------- contacts


def _case_allocations(user):
    if not getattr(user, "is_authenticated", False):
        return Allocation.objects.none()  # the schema generator has no user
    return selectors.visible_allocations(user).filter(area_id__in=access.area_ids_with(user, VIEW_CASES))


class ContactSerializer(serializers.ModelSerializer):
    allocation = serializers.PrimaryKeyRelatedField(queryset=Allocation.objects.none())
    mode = serializers.ChoiceField(choices=ContactMode.choices)
    with_whom = serializers.ListField(child=serializers.ChoiceField(choices=ContactWith.choices), allow_empty=False)
    activities = serializers.ListField(child=serializers.ChoiceField(choices=Activity.choices), required=False)
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = Contact
        fields = [
            "id",
            "allocation",
            "person",
            "occurred_at",
            "mode",
            "with_whom",
            "service",
            "duration_minutes",
            "activities",
            "notes",
            "author",
            "created_at",
        ]
        read_only_fields = ["person", "author", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["allocation"].queryset = _case_allocations(request.user)


class ContactFilter(django_filters.FilterSet):
    class Meta:
        model = Contact
        fields = ["allocation", "person"]


class ContactViewSet(LoggedReadsMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ContactSerializer
    filterset_class = ContactFilter
    pagination_class = NewestFirst
    access_log_record_type = "keyworking contact"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return Contact.objects.filter(allocation__in=_case_allocations(self.request.user)).select_related("author")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = contact_record(author=self.request.user, **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("allocation", None)  # a contact stays with its case
        serializer.instance = contact_update(contact=serializer.instance, editor=self.request.user, **data)


# ---------------------------------------------------------------------------- goals


class GoalSerializer(serializers.ModelSerializer):
    allocation = serializers.PrimaryKeyRelatedField(queryset=Allocation.objects.none())
    status = serializers.CharField(read_only=True, help_text="active, achieved or stopped")
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Goal
        fields = ["id", "allocation", "person", "description", "agreed_on", "target_on", "status", "progress"]
        read_only_fields = ["person", "agreed_on", "status", "progress"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["allocation"].queryset = _case_allocations(request.user)

    def get_progress(self, goal) -> list[dict]:
        return [{"recorded_on": row.recorded_on, "score": row.score} for row in goal.progress.all()]


class GoalViewSet(LoggedReadsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = GoalSerializer
    pagination_class = NewestFirst
    filterset_fields = ["allocation", "person", "status"]
    access_log_record_type = "keyworking goal"

    def get_queryset(self):
        return Goal.objects.filter(allocation__in=_case_allocations(self.request.user)).prefetch_related("progress")

    def perform_create(self, serializer):
        serializer.instance = casework.goal_add(created_by=self.request.user, **serializer.validated_data)
