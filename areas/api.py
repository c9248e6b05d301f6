"""`GET /api/v1/areas/`: the caller's areas and the roles they hold in each."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from areas.access import area_roles
from areas.models import Area
from areas.roles import Role


class AreaWithRolesSerializer(serializers.Serializer):
    ons_code = serializers.CharField()
    slug = serializers.CharField()
    name = serializers.CharField()
    partnership = serializers.CharField(source="partnership.name")
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))


class MyAreasView(APIView):
    @extend_schema(responses=AreaWithRolesSerializer(many=True), summary="Your areas and roles")
    def get(self, request):
        roles = area_roles(request.user)
        areas = Area.objects.filter(id__in=roles).select_related("partnership").order_by("name")
        for area in areas:
            area.roles = sorted(role.value for role in roles[area.id])
        return Response(AreaWithRolesSerializer(areas, many=True).data)
