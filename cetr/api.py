"""`/api/v1/cetrs/` and `/api/v1/cetr-actions/`: C(E)TRs and their actions, scoped to the
caller's areas (and, for keyworkers, to their own caseload's actions). LAEP and blue-light
meetings are not C(E)TRs and are never listed here."""

import django_filters
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action as api_action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from areas import access
from audit.logging import LoggedReadsMixin
from cetr import rules, selectors
from cetr.capabilities import MANAGE_CETRS
from cetr.models import Action, ActionStatus, Attendance, PanelMember, Review, ReviewKind, ReviewStatus
from cetr.services.actions import UPDATABLE_STATUSES, action_update
from cetr.services.reviews import review_request
from dsr.models import Person


class PanelMemberSerializer(serializers.ModelSerializer):
    role_label = serializers.CharField(read_only=True)

    class Meta:
        model = PanelMember
        fields = ["role", "role_label", "name", "organisation", "attended"]
        read_only_fields = fields


@extend_schema_field({"type": "string", "description": f"The type of C(E)TR, one of: {', '.join(ReviewKind.values)}"})
class ReviewKindField(serializers.ChoiceField):
    """Described as a string listing its values: other apps' fields named "kind" carry other
    choices, and the schema's shared enum names must not collide."""

    def __init__(self, **kwargs):
        super().__init__(choices=ReviewKind.choices, **kwargs)


_ATTENDANCE = f"One of: {', '.join(repr(value) for value in Attendance.values)}"


class ReviewSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    kind = ReviewKindField(read_only=True)
    # Plain strings, with their values listed: several models have a "status" or attendance
    # choice set, and one OpenAPI enum per field name keeps the schema free of collisions.
    status = serializers.CharField(read_only=True, help_text=f"One of: {', '.join(ReviewStatus.values)}")
    person_attendance = serializers.CharField(read_only=True, help_text=_ATTENDANCE)
    family_attendance = serializers.CharField(read_only=True, help_text=_ATTENDANCE)
    panel = PanelMemberSerializer(many=True, read_only=True)

    class Meta:
        model = Review
        fields = [
            "id",
            "area",
            "person",
            "person_name",
            "kind",
            "variant",
            "status",
            "episode",
            "trigger_detail",
            "due_by",
            "requested_on",
            "scheduled_at",
            "venue",
            "invitations_sent_on",
            "papers_sent_on",
            "held_on",
            "report_issued_on",
            "person_attendance",
            "family_attendance",
            "cancelled_on",
            "panel",
        ]
        read_only_fields = fields


class ReviewCreateSerializer(serializers.Serializer):
    """Request a C(E)TR. CETR or CTR, the admission and the deadline follow from the record."""

    person = serializers.IntegerField()
    kind = ReviewKindField()
    requested_on = serializers.DateField()
    trigger_detail = serializers.CharField(required=False, default="", allow_blank=True)

    def validate_person(self, value):
        person = access.scope(Person.objects.all(), self.context["request"].user, MANAGE_CETRS).filter(pk=value)
        if not person.exists():
            raise serializers.ValidationError("No such person in an area where you run C(E)TRs.")
        return person.get()


class ReviewFilter(django_filters.FilterSet):
    area = django_filters.CharFilter(field_name="area__slug")
    person = django_filters.NumberFilter(field_name="person_id")
    kind = django_filters.ChoiceFilter(choices=ReviewKind.choices)
    held_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte")
    held_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte")

    class Meta:
        model = Review
        fields = ["area", "person", "kind", "held_from", "held_to"]


class NewestFirst(CursorPagination):
    ordering = ("-created_at", "-id")


@extend_schema_view(
    list=extend_schema(summary="C(E)TRs in your areas (never LAEP or blue-light meetings)"),
    retrieve=extend_schema(summary="One C(E)TR with its panel"),
    create=extend_schema(
        summary="Request a C(E)TR (C(E)TR coordinators)", request=ReviewCreateSerializer, responses=ReviewSerializer
    ),
)
class ReviewViewSet(LoggedReadsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ReviewSerializer
    filterset_class = ReviewFilter
    pagination_class = NewestFirst
    access_log_record_type = "C(E)TR"

    def get_queryset(self):
        return selectors.reviews(self.request.user).prefetch_related("panel")

    def create(self, request, *args, **kwargs):
        if not access.area_ids_with(request.user, MANAGE_CETRS):
            raise PermissionDenied("Only C(E)TR coordinators request C(E)TRs.")
        payload = ReviewCreateSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        review = review_request(created_by=request.user, **payload.validated_data)
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)


class ActionSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    review = serializers.IntegerField(source="recommendation.review_id", read_only=True)
    recommendation = serializers.CharField(source="recommendation.text", read_only=True)
    status = serializers.CharField(read_only=True, help_text=f"One of: {', '.join(ActionStatus.values)}")
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "id",
            "area",
            "person",
            "review",
            "recommendation",
            "description",
            "owner_name",
            "owner_organisation",
            "due_on",
            "status",
            "evidence",
            "completed_on",
            "overdue",
        ]
        read_only_fields = fields

    def get_overdue(self, action: Action) -> bool:
        return rules.action_is_overdue(
            due_on=action.due_on, unresolved=action.is_unresolved, today=timezone.localdate()
        )


class FollowUpSerializer(serializers.Serializer):
    note = serializers.CharField()
    new_status = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in UPDATABLE_STATUSES], required=False, help_text="Leave out to keep it."
    )
    evidence = serializers.CharField(required=False, allow_blank=True)


class ActionFilter(django_filters.FilterSet):
    area = django_filters.CharFilter(field_name="area__slug")
    person = django_filters.NumberFilter(field_name="person_id")
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices)
    due_before = django_filters.DateFilter(field_name="due_on", lookup_expr="lte")
    owner = django_filters.CharFilter(field_name="owner_name", lookup_expr="iexact")

    class Meta:
        model = Action
        fields = ["area", "person", "status", "due_before", "owner"]


@extend_schema_view(
    list=extend_schema(summary="C(E)TR actions you may see (keyworkers: your caseload's)"),
    retrieve=extend_schema(summary="One C(E)TR action"),
)
class ActionViewSet(LoggedReadsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionSerializer
    filterset_class = ActionFilter
    pagination_class = NewestFirst
    access_log_record_type = "C(E)TR action"

    def get_queryset(self):
        return selectors.visible_actions(self.request.user).select_related("area", "recommendation")

    @extend_schema(summary="Record a follow-up on an action", request=FollowUpSerializer, responses=ActionSerializer)
    @api_action(detail=True, methods=["post"], url_path="follow-up")
    def follow_up(self, request, pk=None):
        action = self.get_object()
        if not selectors.may_update_action(request.user, action):
            # 404 like every other refusal of a record: the isolation matrix holds all refusals to it.
            raise NotFound("Only the area's C(E)TR coordinator or the person's keyworker may update this.")
        payload = FollowUpSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        # A broken rule raises django's ValidationError: web.api_errors answers 400 with field errors.
        data = payload.validated_data
        action_update(
            action=action,
            recorded_by=request.user,
            note=data["note"],
            status=data.get("new_status"),
            evidence=data.get("evidence"),
        )
        return Response(ActionSerializer(action).data)
