"""Reading dashboards: the snapshots of a scope's areas for a run of months, summed and
protected (dashboards.disclosure), laid out as the tables of dashboards.catalogue.

Everything that shows figures (pages, charts, CSV, XLSX, the API, the monthly return) reads
them from here, so each shows exactly the same suppressed and rounded numbers. A fixed number
of queries whatever the number of areas, months or records.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone

from dashboards import catalogue
from dashboards.catalogue import Averages, Section, Table
from dashboards.disclosure import Shown, disclose, protect
from dashboards.models import Figure, Snapshot
from dashboards.scopes import Scope
from dashboards.snapshots import month_start

MONTH_CHOICES = (6, 12, 24, 36)
DEFAULT_MONTHS = 12
NO_FIGURES = "–"  # no snapshot for the month


@dataclass(frozen=True)
class Column:
    code: str
    label: str
    colour: str
    is_total: bool = False


@dataclass(frozen=True)
class Cell:
    display: str  # what every output shows: a number, "*" or "–"
    value: float | None  # the shown number (for charts); None when suppressed or missing


@dataclass(frozen=True)
class Row:
    month: date
    cells: tuple[Cell, ...]
    provisional: bool


@dataclass(frozen=True)
class TableView:
    key: str
    title: str
    when: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    chart: str  # "bar" (parts of a total, stacked) or "line"
    unit: str = ""


@dataclass(frozen=True)
class Dashboard:
    scope: Scope
    months: tuple[date, ...]
    sections: tuple[tuple[Section, tuple[TableView, ...]], ...]
    provisional: tuple[date, ...]
    missing: tuple[date, ...]


# ---------------------------------------------------------------------------- reading


def latest_month(scope: Scope) -> date:
    latest = Snapshot.objects.filter(area_id__in=scope.area_ids).aggregate(latest=Max("month"))["latest"]
    return latest or month_start(timezone.localdate())


def window(last: date, count: int) -> list[date]:
    return [last - relativedelta(months=count - 1 - i) for i in range(count)]


def raw_figures(area_ids, months) -> dict[tuple[int, date], dict[str, int]]:
    raw: dict[tuple[int, date], dict[str, int]] = defaultdict(dict)
    for area_id, month, code, value in Figure.objects.filter(area_id__in=area_ids, month__in=months).values_list(
        "area_id", "month", "code", "value"
    ):
        raw[(area_id, month)][code] = value
    return raw


def snapshot_states(area_ids, months) -> dict[date, tuple[int, int, str]]:
    """{month: (areas with a snapshot, of which final, when the latest was taken)}."""
    rows = (
        Snapshot.objects.filter(area_id__in=area_ids, month__in=months)
        .values("month")
        .annotate(taken=Count("id"), final=Count("id", filter=Q(final=True)), latest=Max("taken_at"))
        .values_list("month", "taken", "final", "latest")
    )
    return {month: (taken, final, latest.isoformat()) for month, taken, final, latest in rows}


# ---------------------------------------------------------------------------- protecting

# Protected figures of a month are kept in the cache, keyed by everything they depend on (the
# areas, the policies, when each snapshot of the month and the month before was taken, and
# the indicators' version), so a retaken snapshot or a changed setting is never served stale.
CACHE_VERSION = 1
CACHE_SECONDS = 7 * 24 * 3600


def _cache_key(scope: Scope, month: date, states) -> str:
    previous = month - relativedelta(months=1)
    parts = tuple((part.path, part.area_ids, part.policy) for split in scope.parts for part in split)
    basis = repr(
        (CACHE_VERSION, scope.path, scope.area_ids, scope.policy, parts, month, states.get(month), states.get(previous))
    )
    return f"dashboards:{hashlib.sha256(basis.encode()).hexdigest()}"


def _summed(scope: Scope, month: date, raw) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for area_id in scope.area_ids:
        for code, value in raw.get((area_id, month), {}).items():
            total[code] += value
    return total


def _own_relations(prefix) -> list[tuple]:
    return [tuple((c, (prefix, code)) for c, code in relation) for relation in catalogue.relations()]


def _stock_flow_relations(prefix, previous) -> list[tuple]:
    return [
        (
            (1, (previous, flow.stock)),
            (1, (prefix, flow.inflow)),
            (-1, (prefix, flow.stock)),
            (-1, (prefix, flow.outflow)),
        )
        for flow in catalogue.STOCK_FLOWS
    ]


def _primary(summed: dict[str, int], policy, prefix, codes) -> dict:
    return {(prefix, code): disclose(summed.get(code, 0), policy) for code in codes}


def protected_month(scope: Scope, month: date, raw, *, has_previous: bool) -> dict[str, Shown]:
    """The scope's counts for one month as they may be shown.

    The check includes what a reader also sees (each at its primary disclosure, the most they
    could know of it): the parts the scope splits into, and last month's stocks with this
    month's flows. Only the scope's own figures are hidden here, so a figure of an area is the
    same on the area's own dashboard and inside a partnership's.
    """
    codes = catalogue.count_codes()
    own = _summed(scope, month, raw)
    relations = _own_relations(scope.path)
    fixed: dict = {}
    previous_month = month - relativedelta(months=1)
    if has_previous:
        fixed |= _primary(_summed(scope, previous_month, raw), scope.policy, ("previous", scope.path), codes)
        relations += _stock_flow_relations(scope.path, ("previous", scope.path))
    for split in scope.parts:
        for part in split:
            if part.path not in {key[0] for key in fixed}:
                fixed |= _primary(_summed(part, month, raw), part.policy, part.path, codes)
                relations += _own_relations(part.path)
        relations += [(*((1, (part.path, code)) for part in split), (-1, (scope.path, code))) for code in codes]
    raw_values = _raw_values(scope, month, previous_month, raw, has_previous)
    shown = protect(
        {(scope.path, code): own.get(code, 0) for code in codes},
        holding(relations, raw_values),
        scope.policy,
        fixed=fixed,
    )
    return {code: cell for (_, code), cell in shown.items()}


def _raw_values(scope: Scope, month, previous_month, raw, has_previous) -> dict:
    values = {(scope.path, code): value for code, value in _summed(scope, month, raw).items()}
    if has_previous:
        previous = ("previous", scope.path)
        values |= {(previous, code): value for code, value in _summed(scope, previous_month, raw).items()}
    for split in scope.parts:
        for part in split:
            values |= {(part.path, code): value for code, value in _summed(part, month, raw).items()}
    return values


def holding(relations, raw_values: dict) -> list:
    """The relations that hold on the raw figures (missing codes count 0). One that does not
    (a final snapshot of last month kept while records were corrected since) cannot tell a
    reader anything true, so it is left out rather than letting it contradict the others."""
    return [
        relation
        for relation in relations
        if sum(coefficient * raw_values.get(key, 0) for coefficient, key in relation) == 0
    ]


# ---------------------------------------------------------------------------- laying out


def mean_cell(numerator: int, denominator: Shown, raw_denominator: int, decimals: int) -> Cell:
    if denominator.suppressed or raw_denominator == 0:
        return Cell(denominator.display if denominator.suppressed else NO_FIGURES, None)
    value = (Decimal(numerator) / Decimal(raw_denominator)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return Cell(str(value), float(value))


def _table_view(table, months, shown_by_month, summed_by_month, provisional) -> TableView:
    rows = []
    if isinstance(table, Table):
        columns = tuple(Column(s.code, s.label, s.colour) for s in table.series)
        if table.total:
            columns += (Column(table.total.code, table.total.label, table.total.colour, is_total=True),)
    else:
        columns = tuple(Column(m.numerator, m.label, m.colour) for m in table.means)
    for month in months:
        shown = shown_by_month.get(month)
        if shown is None:
            cells = tuple(Cell(NO_FIGURES, None) for _ in columns)
        elif isinstance(table, Table):
            cells = tuple(Cell(shown[c.code].display, shown[c.code].value) for c in columns)
        else:
            summed = summed_by_month[month]
            cells = tuple(
                mean_cell(summed.get(m.numerator, 0), shown[m.denominator], summed.get(m.denominator, 0), m.decimals)
                for m in table.means
            )
        rows.append(Row(month, cells, month in provisional))
    if isinstance(table, Table):
        return TableView(table.key, table.title, table.when, columns, tuple(rows), table.chart)
    return TableView(table.key, table.title, table.when, columns, tuple(rows), "line", table.unit)


def dashboard(scope: Scope, *, months: int = DEFAULT_MONTHS, sections=None, last: date | None = None) -> Dashboard:
    """The scope's dashboard for the `months` months up to `last` (the latest snapshot)."""
    last = last or latest_month(scope)
    shown_months = window(last, months)
    area_ids = set(scope.area_ids)
    read_months = [shown_months[0] - relativedelta(months=1), *shown_months]
    states = snapshot_states(area_ids, read_months)
    complete = {month for month, (taken, _, _) in states.items() if taken == len(area_ids)}
    provisional = {month for month, (taken, final, _) in states.items() if taken == len(area_ids) and final < taken}
    wanted = [month for month in shown_months if month in complete]
    keys = {month: _cache_key(scope, month, states) for month in wanted}
    cached = cache.get_many(keys.values())
    missing = [month for month in wanted if keys[month] not in cached]
    raw = raw_figures(area_ids, sorted({m for month in missing for m in (month - relativedelta(months=1), month)}))
    computed = {}
    for month in missing:
        previous = month - relativedelta(months=1) in complete
        computed[keys[month]] = (protected_month(scope, month, raw, has_previous=previous), _summed(scope, month, raw))
    if computed:
        cache.set_many(computed, CACHE_SECONDS)
    found = cached | computed
    shown_by_month = {month: found[keys[month]][0] for month in wanted}
    summed_by_month = {month: found[keys[month]][1] for month in wanted}
    chosen = [s for s in catalogue.SECTIONS if sections is None or s.key in sections]
    laid_out = tuple(
        (
            section,
            tuple(
                _table_view(table, shown_months, shown_by_month, summed_by_month, provisional)
                for table in section.tables
            ),
        )
        for section in chosen
    )
    absent = tuple(month for month in shown_months if month not in complete)
    return Dashboard(scope, tuple(shown_months), laid_out, tuple(sorted(provisional & set(shown_months))), absent)


def figure_list(board: Dashboard):
    """Every shown figure as (section, table, column, month, display): the long layout of the
    CSV and XLSX exports and the API."""
    for section, views in board.sections:
        for view in views:
            for row in view.rows:
                for column, cell in zip(view.columns, row.cells, strict=True):
                    yield section, view, column, row, cell


__all__ = ["Averages", "Cell", "Column", "Dashboard", "Row", "TableView", "dashboard", "figure_list"]
