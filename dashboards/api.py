"""The dashboards over the REST API: the same suppressed aggregates as the pages, for the
caller's own areas only (another area's dashboard answers 404)."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from dashboards import monthly_return
from dashboards.catalogue import SECTIONS
from dashboards.figures import DEFAULT_MONTHS, MONTH_CHOICES, dashboard
from dashboards.scopes import scope_or_404, scopes_for


class ScopeSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["area", "partnership", "all"])
    path = serializers.CharField(help_text="Use as /api/v1/dashboard/<path>/.")
    name = serializers.CharField()
    areas = serializers.IntegerField(source="area_count")


class ColumnSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    is_total = serializers.BooleanField()


class RowSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    provisional = serializers.BooleanField()
    values = serializers.ListField(
        child=serializers.CharField(), help_text='As shown: a number, "*" (suppressed) or "–" (no snapshot).'
    )


class TableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    counted = serializers.CharField()
    unit = serializers.CharField()
    columns = ColumnSerializer(many=True)
    rows = RowSerializer(many=True)


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    tables = TableSerializer(many=True)


class SuppressionSerializer(serializers.Serializer):
    threshold = serializers.IntegerField(help_text="Counts from 1 to threshold - 1 are shown as *.")
    rounding = serializers.IntegerField(help_text="Other counts are rounded to the nearest this.")


class DashboardSerializer(serializers.Serializer):
    scope = ScopeSerializer()
    months = serializers.ListField(child=serializers.CharField())
    suppression = SuppressionSerializer()
    sections = SectionSerializer(many=True)


class QuerySerializer(serializers.Serializer):
    section = serializers.ChoiceField(choices=[s.key for s in SECTIONS], required=False)
    months = serializers.ChoiceField(choices=list(MONTH_CHOICES), required=False)


def _scope_data(scope) -> dict:
    return {"kind": scope.kind, "path": scope.path, "name": scope.name, "area_count": len(scope.area_ids)}


class DashboardScopesView(APIView):
    @extend_schema(responses=ScopeSerializer(many=True), summary="Dashboards you may read")
    def get(self, request):
        return Response(ScopeSerializer([_scope_data(s) for s in scopes_for(request.user)], many=True).data)


class DashboardView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "scope", str, OpenApiParameter.PATH, description='"all", "areas/<slug>" or "partnerships/<code>"'
            ),
            QuerySerializer,
        ],
        responses={
            200: DashboardSerializer,
            400: OpenApiResponse(description="A section or number of months that is not offered"),
            404: OpenApiResponse(description="No such dashboard, or not one of yours"),
        },
        summary="One dashboard's figures (aggregates, suppressed)",
    )
    def get(self, request, scope: str):
        scope = scope_or_404(request.user, scope)
        query = QuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        section = query.validated_data.get("section")
        board = dashboard(
            scope, months=query.validated_data.get("months", DEFAULT_MONTHS), sections={section} if section else None
        )
        data = {
            "scope": _scope_data(scope),
            "months": [f"{month:%Y-%m}" for month in board.months],
            "suppression": {"threshold": scope.policy.threshold, "rounding": scope.policy.rounding},
            "sections": [
                {
                    "key": sec.key,
                    "title": sec.title,
                    "tables": [
                        {
                            "key": view.key,
                            "title": view.title,
                            "counted": view.when,
                            "unit": view.unit,
                            "columns": [
                                {"code": c.code, "label": c.label, "is_total": c.is_total} for c in view.columns
                            ],
                            "rows": [
                                {
                                    "month": f"{row.month:%Y-%m}",
                                    "provisional": row.provisional,
                                    "values": [cell.display for cell in row.cells],
                                }
                                for row in view.rows
                            ],
                        }
                        for view in views
                    ],
                }
                for sec, views in board.sections
            ],
        }
        return Response(DashboardSerializer(data).data)


class MonthlyReturnSerializer(serializers.Serializer):
    columns = serializers.ListField(child=serializers.CharField(), help_text="Version 1 layout, in order.")
    row = serializers.DictField(child=serializers.CharField())


class MonthlyReturnView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("month", str, OpenApiParameter.PATH, description="YYYY-MM")],
        responses={
            200: MonthlyReturnSerializer,
            404: OpenApiResponse(description="No snapshot of that month, or not one of your areas"),
        },
        summary="An area's monthly return",
    )
    def get(self, request, slug: str, month):
        scope = scope_or_404(request.user, f"areas/{slug}")
        row = monthly_return.return_row(scope, month)
        if row is None:
            raise Http404("No snapshot of that month.")
        return Response(MonthlyReturnSerializer({"columns": list(monthly_return.COLUMNS), "row": row}).data)
