"""Register API views: reads scoped through the access layer and access-logged; writes through
the register's services (a broken rule answers 400 with field errors, an overlapping edit 409).
Events (ratings, consent, admission, discharge, removal, return) go through the same services,
under the same capabilities, as the person page's forms."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action as api_action
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from areas import access
from areas.models import Area
from audit.logging import LoggedReadsMixin, is_the_person
from dsr.api.filters import RegisterEntryFilter
from dsr.api.serializers import (
    AdmissionSerializer,
    ConsentCreateSerializer,
    ConsentSerializer,
    ConsentWithdrawalSerializer,
    DischargeSerializer,
    EpisodeSerializer,
    PersonCreateSerializer,
    PersonSerializer,
    PersonUpdateSerializer,
    RatingChangeCreateSerializer,
    RatingSerializer,
    RegisterEntryCreateSerializer,
    RegisterEntrySerializer,
    RegisterEntryUpdateSerializer,
    RemovalSerializer,
    ReturnSerializer,
)
from dsr.capabilities import KEEP_REGISTER, RATE, VIEW_RECORD
from dsr.errors import ChangedSinceOpened
from dsr.models import Person, RatingChange, RegisterEntry
from dsr.register_list import search_q, searched_names
from dsr.selectors import admission_in_progress, as_opened
from dsr.services.consents import consent_record, consent_withdraw
from dsr.services.entries import entry_open, entry_remove, entry_update_content
from dsr.services.episodes import episode_admit, episode_discharge
from dsr.services.people import person_create, person_update
from dsr.services.ratings import rating_record
from web.api_errors import FIELD_ERRORS, NOT_FOUND


class ById(CursorPagination):
    ordering = "id"
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"


def _conflict(error: ChangedSinceOpened) -> Response:
    changed = {
        field: {"yours_started_from": str(before), "now": str(after)}
        for field, (before, after) in error.changed.items()
    }
    return Response(
        {"detail": error.messages[0], "version": error.current.version, "changed": changed},
        status=status.HTTP_409_CONFLICT,
    )


def _valid(serializer_class, request) -> dict:
    incoming = serializer_class(data=request.data)
    incoming.is_valid(raise_exception=True)
    return dict(incoming.validated_data)


def _event(summary: str, request, response, *, created: bool = True):
    """The schema of an event endpoint: a broken rule answers 400, a record not yours 404."""
    return extend_schema(
        summary=summary,
        request=request,
        responses={201 if created else 200: response, 400: FIELD_ERRORS, 404: NOT_FOUND},
    )


@extend_schema_view(
    list=extend_schema(
        summary="People in your areas",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Name (typo-tolerant), NHS number or date of birth"),
            OpenApiParameter("area", OpenApiTypes.STR, description="Area slug"),
        ],
    ),
    retrieve=extend_schema(summary="One person"),
    create=extend_schema(summary="Add a person", request=PersonCreateSerializer, responses=PersonSerializer),
    partial_update=extend_schema(summary="Edit a person", request=PersonUpdateSerializer, responses=PersonSerializer),
)
class PersonViewSet(
    LoggedReadsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = PersonSerializer
    pagination_class = ById
    filter_backends: list = []
    access_log_record_type = "person"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        capability = VIEW_RECORD if self.request.method in ("GET", "HEAD", "OPTIONS") else KEEP_REGISTER
        people = access.scope(Person.objects.select_related("area"), self.request.user, capability)
        if self.action == "list":
            query, slug = self.request.query_params.get("q", ""), self.request.query_params.get("area", "")
            if query.strip():
                people = _people_search(people, query)
            if slug:
                people = people.filter(area__slug=slug)
        return people

    def access_log_person(self, record) -> int:
        return is_the_person(record)

    def retrieve(self, request, *args, **kwargs):
        return Response(PersonSerializer(self.get_object()).data)

    def create(self, request, *args, **kwargs):
        incoming = PersonCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        slug = data.pop("area")
        area_ids = access.area_ids_with(request.user, KEEP_REGISTER)
        area = Area.objects.filter(slug=slug, id__in=area_ids).first()
        if area is None:
            raise serializers.ValidationError({"area": ["Not an area where you keep the register."]})
        person = person_create(area_id=area.id, **data)
        return Response(PersonSerializer(person).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        person = self.get_object()
        incoming = PersonUpdateSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        if "version" not in data:
            raise serializers.ValidationError({"version": ["Send the version you read."]})
        version = data.pop("version")
        try:
            person = person_update(person=as_opened(person, version), opened_version=version, **data)
        except ChangedSinceOpened as error:
            return _conflict(error)
        return Response(PersonSerializer(person).data)

    @_event(
        "Record an admission: the person is rated blue, and put on the register if not on it",
        AdmissionSerializer,
        EpisodeSerializer,
    )
    @api_action(detail=True, methods=["post"])
    def admissions(self, request, pk=None):
        person = self.get_object()
        data = _valid(AdmissionSerializer, request)
        episode = episode_admit(person=person, recorded_by=request.user, **data)
        return Response(EpisodeSerializer(episode).data, status=status.HTTP_201_CREATED)

    @_event("Return to the register: a new entry, the earlier ones kept", ReturnSerializer, RegisterEntrySerializer)
    @api_action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_to_register(self, request, pk=None):
        person = self.get_object()
        data = _valid(ReturnSerializer, request)
        entry = entry_open(person=person, status=data["status"])
        return Response(RegisterEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


def _people_search(people, query: str):
    """The list page's search, on people rather than entries."""
    people = people.annotate(**searched_names(person=""))
    return people.filter(search_q(query.strip(), person=""))


@extend_schema_view(
    list=extend_schema(summary="Register entries in your areas, with ratings, consents and episodes"),
    retrieve=extend_schema(summary="One register entry"),
    create=extend_schema(
        summary="Put a person on the register", request=RegisterEntryCreateSerializer, responses=RegisterEntrySerializer
    ),
    partial_update=extend_schema(
        summary="Edit the case content", request=RegisterEntryUpdateSerializer, responses=RegisterEntrySerializer
    ),
)
class RegisterEntryViewSet(
    LoggedReadsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = RegisterEntrySerializer
    pagination_class = ById
    filterset_class = RegisterEntryFilter
    access_log_record_type = "register entry"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def _capability(self):
        if self.request.method in ("GET", "HEAD", "OPTIONS"):
            return VIEW_RECORD
        # As on the person page: rating decisions are for those who rate (MDT chairs too).
        return RATE if self.action == "ratings" else KEEP_REGISTER

    def get_queryset(self):
        entries = access.scope(RegisterEntry.objects.all(), self.request.user, self._capability())
        return entries.select_related("area", "person").prefetch_related(
            Prefetch("rating_changes", queryset=RatingChange.objects.select_related("decided_by")),
            "consents",
            "episodes",
        )

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        areas = access.areas_with(self.request.user, VIEW_RECORD)
        filterset = RegisterEntryFilter(
            self.request.query_params,
            queryset=queryset,
            request=self.request,
            area_ids=[area.id for area in areas],
            areas_by_slug={area.slug: area.id for area in areas},
        )
        if not filterset.is_valid():
            raise serializers.ValidationError(filterset.errors)
        return filterset.qs

    def retrieve(self, request, *args, **kwargs):
        return Response(RegisterEntrySerializer(self.get_object()).data)

    def create(self, request, *args, **kwargs):
        incoming = RegisterEntryCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        people = access.scope(Person.objects.all(), request.user, KEEP_REGISTER)
        person = people.filter(pk=incoming.validated_data["person"]).first()
        if person is None:
            raise serializers.ValidationError({"person": ["No such person in an area where you keep the register."]})
        entry = entry_open(person=person, status=incoming.validated_data["status"])
        return Response(RegisterEntrySerializer(self.get_queryset().get(pk=entry.pk)).data, status=201)

    def partial_update(self, request, *args, **kwargs):
        entry = self.get_object()
        incoming = RegisterEntryUpdateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        version = data.pop("version")
        try:
            entry_update_content(entry=as_opened(entry, version), opened_version=version, **data)
        except ChangedSinceOpened as error:
            return _conflict(error)
        return Response(RegisterEntrySerializer(self.get_queryset().get(pk=entry.pk)).data)

    def _open_entry(self) -> RegisterEntry:
        """The entry asked for, if the person is on the register: as on the person page, events
        are recorded only on the open entry."""
        entry = self.get_object()
        if not entry.is_open:
            raise NotFound("This entry is not on the register.")
        return entry

    @_event(
        "Record a rating decision (decided by you); it counts as a review",
        RatingChangeCreateSerializer,
        RatingSerializer,
    )
    @api_action(detail=True, methods=["post"])
    def ratings(self, request, pk=None):
        entry = self._open_entry()
        data = _valid(RatingChangeCreateSerializer, request)
        change = rating_record(entry=entry, decided_by=request.user, **data)
        return Response(RatingSerializer(change).data, status=status.HTTP_201_CREATED)

    @_event("Record consent or a best-interests decision", ConsentCreateSerializer, ConsentSerializer)
    @api_action(detail=True, methods=["post"])
    def consents(self, request, pk=None):
        entry = self._open_entry()
        data = _valid(ConsentCreateSerializer, request)
        record = consent_record(entry=entry, recorded_by=request.user, **data)
        return Response(ConsentSerializer(record).data, status=status.HTTP_201_CREATED)

    @_event(
        "Record that consent is withdrawn: the entry is flagged for removal",
        ConsentWithdrawalSerializer,
        ConsentSerializer,
    )
    @api_action(detail=True, methods=["post"], url_path="consent-withdrawals")
    def consent_withdrawals(self, request, pk=None):
        entry = self._open_entry()
        data = _valid(ConsentWithdrawalSerializer, request)
        record = consent_withdraw(entry=entry, recorded_by=request.user, **data)
        return Response(ConsentSerializer(record).data, status=status.HTTP_201_CREATED)

    @_event(
        "Record the discharge of the admission in progress: the area's post-discharge rating is held",
        DischargeSerializer,
        EpisodeSerializer,
        created=False,
    )
    @api_action(detail=True, methods=["post"])
    def discharge(self, request, pk=None):
        entry = self._open_entry()
        episode = admission_in_progress(entry.person)
        if episode is None:
            raise NotFound("No admission in progress.")
        data = _valid(DischargeSerializer, request)
        episode = episode_discharge(episode=episode, recorded_by=request.user, **data)
        return Response(EpisodeSerializer(episode).data)

    @_event("Remove from the register", RemovalSerializer, RegisterEntrySerializer, created=False)
    @api_action(detail=True, methods=["post"])
    def remove(self, request, pk=None):
        entry = self._open_entry()
        data = _valid(RemovalSerializer, request)
        entry = entry_remove(
            entry=entry, reason=data["removal_reason"], detail=data["removal_detail"], on=data["removed_on"]
        )
        return Response(RegisterEntrySerializer(entry).data)
