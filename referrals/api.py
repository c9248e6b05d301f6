"""`/api/v1/referrals/`: referrals for professionals' systems. DSR holders' systems list and
read their areas' referrals; any professional's system may send one to the area where the
young person lives. The public form is not part of this API."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from areas import access
from areas.models import Area
from audit.logging import LoggedReadsMixin
from dsr.api.serializers import choice
from referrals.capabilities import MAKE_REFERRALS
from referrals.models import (
    DeclineReason,
    Diagnosis,
    EhcPlan,
    Referral,
    ReferralStatus,
    ReferrerRelationship,
    Source,
)
from referrals.models.referral import LONG_TEXT_LENGTH, NAME_LENGTH, SHORT_TEXT_LENGTH
from referrals.selectors import triage_referrals
from referrals.services.intake import referral_submit
from web.api_errors import FIELD_ERRORS, NOT_FOUND


class ReferralSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    forwarded_from = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    # Choices listed in place: other apps' "status" and "diagnosis" fields have other choices.
    status = choice(ReferralStatus.choices, read_only=True)
    source = choice(Source.choices, read_only=True)
    diagnosis = choice(Diagnosis.choices, read_only=True)
    has_ehc_plan = choice(EhcPlan.choices, read_only=True)
    referrer_relationship = choice(ReferrerRelationship.choices, read_only=True)
    decline_reason = choice([("", "Not declined"), *DeclineReason.choices], read_only=True)

    class Meta:
        model = Referral
        fields = [
            "reference",
            "area",
            "status",
            "source",
            "received_at",
            "arrived_at",
            "forwarded_from",
            "given_name",
            "family_name",
            "preferred_name",
            "date_of_birth",
            "nhs_number",
            "address",
            "postcode",
            "diagnosis",
            "has_ehc_plan",
            "education_setting",
            "concerns",
            "support_in_place",
            "communication_needs",
            "consent_to_be_considered",
            "consent_given_by",
            "referrer_relationship",
            "referrer_name",
            "referrer_organisation",
            "referrer_role",
            "referrer_phone",
            "referrer_email",
            "family_contact_name",
            "family_contact_phone",
            "person",
            "decided_at",
            "decline_reason",
            "decision_note",
        ]
        read_only_fields = fields


class ReferralCreateSerializer(serializers.Serializer):
    """A referral from a professional's system. Rules (dates, NHS number, postcode, phone,
    contact) are checked by the service, and broken ones answer 400 with field errors."""

    # A plain text field (which refuses NUL characters) looked up below, rather than a slug
    # lookup straight into the database.
    area = serializers.CharField(max_length=40, help_text="The slug of the area where the young person lives.")
    given_name = serializers.CharField(max_length=NAME_LENGTH)
    family_name = serializers.CharField(max_length=NAME_LENGTH)
    preferred_name = serializers.CharField(max_length=NAME_LENGTH, required=False, default="")
    date_of_birth = serializers.DateField()
    nhs_number = serializers.CharField(max_length=14, required=False, default="", allow_blank=True)
    address = serializers.CharField(max_length=SHORT_TEXT_LENGTH, required=False, default="", allow_blank=True)
    postcode = serializers.CharField(max_length=8, required=False, default="", allow_blank=True)
    diagnosis = choice(Diagnosis.choices)
    has_ehc_plan = choice(EhcPlan.choices)
    education_setting = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    concerns = serializers.CharField(max_length=LONG_TEXT_LENGTH)
    support_in_place = serializers.CharField(max_length=LONG_TEXT_LENGTH, required=False, default="", allow_blank=True)
    communication_needs = serializers.CharField(
        max_length=SHORT_TEXT_LENGTH, required=False, default="", allow_blank=True
    )
    consent_to_be_considered = serializers.BooleanField()
    consent_given_by = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    referrer_relationship = choice(
        ReferrerRelationship.choices, required=False, default=ReferrerRelationship.PROFESSIONAL
    )
    referrer_name = serializers.CharField(max_length=200)
    referrer_organisation = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    referrer_role = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    referrer_phone = serializers.CharField(max_length=30, required=False, default="", allow_blank=True)
    referrer_email = serializers.EmailField(max_length=254, required=False, default="", allow_blank=True)
    family_contact_name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    family_contact_phone = serializers.CharField(max_length=30, required=False, default="", allow_blank=True)

    def validate_area(self, value: str) -> Area:
        area = Area.objects.filter(slug=value).first()
        if area is None:
            raise serializers.ValidationError("No area has this slug: see GET /api/v1/areas/ for yours.")
        return area


class ReferralReceiptSerializer(serializers.Serializer):
    """What the sender gets back: the reference to quote, and where it went."""

    reference = serializers.CharField()
    area = serializers.CharField(source="area.slug")
    status = choice(ReferralStatus.choices)
    received_at = serializers.DateTimeField()


class ReferralFilter(django_filters.FilterSet):
    area = django_filters.CharFilter(field_name="area__slug")
    status = django_filters.ChoiceFilter(choices=ReferralStatus.choices)

    class Meta:
        model = Referral
        fields = ["area", "status"]


class ReferralPagination(CursorPagination):
    ordering = ("-received_at", "-id")


class ReferralListView(LoggedReadsMixin, generics.ListCreateAPIView):
    serializer_class = ReferralSerializer
    access_log_record_type = "referral"
    filterset_class = ReferralFilter
    pagination_class = ReferralPagination

    def get_queryset(self):
        return triage_referrals(self.request.user).select_related("area", "forwarded_from")

    @extend_schema(
        summary="Referrals in the areas where you triage them",
        responses={200: ReferralSerializer(many=True), 400: FIELD_ERRORS},
    )
    def get(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        summary="Send a referral to the area where the young person lives",
        request=ReferralCreateSerializer,
        responses={201: ReferralReceiptSerializer, 400: FIELD_ERRORS, 404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        access.require_any(request.user, MAKE_REFERRALS)
        incoming = ReferralCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        details = dict(incoming.validated_data)
        area = details.pop("area")
        referral = referral_submit(area=area, source=Source.API, referred_by=request.user, **details)
        return Response(ReferralReceiptSerializer(referral).data, status=status.HTTP_201_CREATED)


class ReferralDetailView(LoggedReadsMixin, generics.RetrieveAPIView):
    serializer_class = ReferralSerializer
    access_log_record_type = "referral"
    lookup_field = "reference"

    def get_queryset(self):
        return triage_referrals(self.request.user).select_related("area", "forwarded_from")

    @extend_schema(summary="One referral, by its reference", responses={200: ReferralSerializer, 404: NOT_FOUND})
    def get(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_object()).data)
