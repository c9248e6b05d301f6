"""The monthly return: the figures an area sends its commissioning team each month, one row per
area and month, produced from the snapshot with the same suppression as the dashboard.

Column layout, version 1 (stable: columns are only ever added at the end, with a new version
number; none is renamed, reordered or removed). Counts show "*" for a suppressed figure (a
count from 1 to 7 with the national default, or a figure hidden so that one cannot be worked
out) and are otherwise rounded (to the nearest 5 by default). Averages show "*" when the count
they are based on is suppressed, and are blank when it is zero.

 1 return_version            "1"
 2 area_ons_code             the area's ONS code (e.g. E06000034)
 3 area_name                 the area's name
 4 month                     YYYY-MM
 5 snapshot_status           "final" (taken after the month ended) or "provisional"
 6 snapshot_taken_at         when the snapshot was taken (ISO 8601, UTC)
 7 on_register               people on the register at the end of the month
 8 on_register_red           ... of whom rated red
 9 on_register_amber         ... rated amber
10 on_register_green         ... rated green
11 on_register_blue          ... rated blue (inpatients)
12 on_register_not_rated     ... not yet rated
13 on_register_age_0_10      ... aged 0 to 10
14 on_register_age_11_15     ... aged 11 to 15
15 on_register_age_16_17     ... aged 16 to 17
16 on_register_age_18_25     ... aged 18 to 25
17 on_register_age_26_plus   ... aged 26 and over
18 new_entries               entries added to the register in the month
19 removals                  entries removed from the register in the month
20 inpatients                inpatients (blue) at the end of the month
21 inpatients_secure         ... in a secure setting
22 inpatients_out_of_area    ... placed out of area
23 admissions                admissions in the month
24 admissions_without_community_cetr   ... with no community C(E)TR before them
25 discharges                discharges in the month
26 mean_length_of_stay_days  average length of stay of those discharged (days)
27 post_admission_cetrs_due          post-admission C(E)TRs due in the month
28 post_admission_cetrs_on_time      ... held within the deadline
29 repeat_cetrs_due                  repeat inpatient C(E)TRs due in the month
30 repeat_cetrs_on_time              ... held within the deadline
31 cetr_actions_open                 C(E)TR actions open at the end of the month
32 cetr_actions_overdue              ... overdue
33 cetr_escalations_open             escalations to the oversight panel open at month end
34 keyworking_eligible               people eligible for keyworking at the end of the month
35 keyworking_allocated              ... allocated a keyworker
36 keyworking_waiting                ... waiting for one
37 keyworking_new_allocations        allocations made in the month
38 keyworking_mean_wait_days         average days from eligibility to allocation (those allocated in the month)
39 keyworking_open_allocations       open allocations at the end of the month
40 keyworking_cases_per_keyworker    open allocations per keyworker with a caseload
41 keyworking_contacts_per_case      contacts in the month per case open in the month
42 keyworking_mean_hope_score        families' average hope score (0 to 10) recorded in the month
43 referrals_received                referrals that arrived in the month
44 referrals_decided                 referrals decided in the month
45 referrals_accepted                ... accepted
46 referrals_not_accepted            ... not accepted
47 referrals_decided_within_target   ... decided within the area's target
"""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from dashboards.figures import NO_FIGURES, mean_cell, protected_month, raw_figures, snapshot_states
from dashboards.models import Snapshot
from dashboards.scopes import Scope

VERSION = "1"
HEADER_COLUMNS = ("return_version", "area_ons_code", "area_name", "month", "snapshot_status", "snapshot_taken_at")


@dataclass(frozen=True)
class Count:
    column: str
    code: str


@dataclass(frozen=True)
class Average:
    column: str
    numerator: str
    denominator: str
    decimals: int = 0


FIGURE_COLUMNS = (
    Count("on_register", "register.total"),
    Count("on_register_red", "register.rating.red"),
    Count("on_register_amber", "register.rating.amber"),
    Count("on_register_green", "register.rating.green"),
    Count("on_register_blue", "register.rating.blue"),
    Count("on_register_not_rated", "register.rating.none"),
    Count("on_register_age_0_10", "register.age.0-10"),
    Count("on_register_age_11_15", "register.age.11-15"),
    Count("on_register_age_16_17", "register.age.16-17"),
    Count("on_register_age_18_25", "register.age.18-25"),
    Count("on_register_age_26_plus", "register.age.26+"),
    Count("new_entries", "register.new"),
    Count("removals", "register.removed"),
    Count("inpatients", "inpatients.total"),
    Count("inpatients_secure", "inpatients.secure"),
    Count("inpatients_out_of_area", "inpatients.out_of_area"),
    Count("admissions", "admissions.total"),
    Count("admissions_without_community_cetr", "admissions.without_community_cetr"),
    Count("discharges", "discharges.total"),
    Average("mean_length_of_stay_days", "discharges.los_days", "discharges.total"),
    Count("post_admission_cetrs_due", "cetr.post_admission.total"),
    Count("post_admission_cetrs_on_time", "cetr.post_admission.on_time"),
    Count("repeat_cetrs_due", "cetr.repeat.total"),
    Count("repeat_cetrs_on_time", "cetr.repeat.on_time"),
    Count("cetr_actions_open", "cetr.actions.total"),
    Count("cetr_actions_overdue", "cetr.actions.overdue"),
    Count("cetr_escalations_open", "cetr.escalations.open"),
    Count("keyworking_eligible", "keyworking.eligible.total"),
    Count("keyworking_allocated", "keyworking.eligible.allocated"),
    Count("keyworking_waiting", "keyworking.eligible.waiting"),
    Count("keyworking_new_allocations", "keyworking.allocations.new"),
    Average("keyworking_mean_wait_days", "keyworking.wait_days", "keyworking.allocations.new"),
    Count("keyworking_open_allocations", "keyworking.allocations.open"),
    Average("keyworking_cases_per_keyworker", "keyworking.allocations.open", "keyworking.keyworkers", 1),
    Average("keyworking_contacts_per_case", "keyworking.contacts", "keyworking.cases_in_month", 1),
    Average("keyworking_mean_hope_score", "keyworking.hope.sum", "keyworking.hope.count", 1),
    Count("referrals_received", "referrals.received"),
    Count("referrals_decided", "referrals.decided"),
    Count("referrals_accepted", "referrals.accepted"),
    Count("referrals_not_accepted", "referrals.not_accepted"),
    Count("referrals_decided_within_target", "referrals.within_target"),
)

COLUMNS = HEADER_COLUMNS + tuple(column.column for column in FIGURE_COLUMNS)


def return_months(scope: Scope) -> list[Snapshot]:
    """The area's snapshots, newest first: each is a month whose return can be produced."""
    return list(Snapshot.objects.filter(area_id=scope.area_ids[0]).order_by("-month"))


def return_row(scope: Scope, month: date) -> dict[str, str] | None:
    """One area's return for one month (None when the month has no snapshot)."""
    snapshot = Snapshot.objects.filter(area_id=scope.area_ids[0], month=month).first()
    if snapshot is None:
        return None
    previous = month - relativedelta(months=1)
    raw = raw_figures(scope.area_ids, [previous, month])
    has_previous = bool(snapshot_states(scope.area_ids, [previous]))
    shown = protected_month(scope, month, raw, has_previous=has_previous)
    summed = raw.get((scope.area_ids[0], month), {})
    row = {
        "return_version": VERSION,
        "area_ons_code": scope.ons_code,
        "area_name": scope.name,
        "month": f"{month:%Y-%m}",
        "snapshot_status": "final" if snapshot.final else "provisional",
        "snapshot_taken_at": snapshot.taken_at.isoformat(),
    }
    for column in FIGURE_COLUMNS:
        if isinstance(column, Count):
            row[column.column] = shown[column.code].display
        else:
            cell = mean_cell(
                summed.get(column.numerator, 0),
                shown[column.denominator],
                summed.get(column.denominator, 0),
                column.decimals,
            )
            row[column.column] = "" if cell.display == NO_FIGURES else cell.display
    return row
