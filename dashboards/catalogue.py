"""The indicators: every figure a snapshot holds (by code), how figures are grouped into the
tables and charts of each dashboard section, and the relations between them that a reader
could use to work out a suppressed figure (see dashboards.disclosure).

Codes are stable: snapshots, the API and the monthly return use them. Add new codes; never
reuse or rename one.
"""

from dataclasses import dataclass, field

from dsr.models.entry import RemovalReason
from dsr.rules import AGE_BANDS

# NHS identity colours, as SVG presentation attributes (CSP allows no inline styles).
BLUE, DARK_BLUE, RED, AMBER, GREEN, GREY = "#005eb8", "#003087", "#d5281b", "#ffb81c", "#007f3b", "#768692"
PURPLE, PINK, AQUA, ORANGE, DARK_GREY = "#330072", "#ae2573", "#00a499", "#ed8b00", "#425563"
PALETTE = (BLUE, ORANGE, AQUA, PURPLE, PINK, DARK_GREY, GREEN, RED)


@dataclass(frozen=True)
class Series:
    code: str
    label: str
    colour: str = BLUE


@dataclass(frozen=True)
class Table:
    """Counts by month: `series` are the columns; when `total` is given they add up to it."""

    key: str
    title: str
    when: str  # "at the end of the month" or "in the month": what a row counts
    series: tuple[Series, ...]
    total: Series | None = None

    @property
    def columns(self) -> tuple[Series, ...]:
        return (*self.series, self.total) if self.total else self.series

    @property
    def chart(self) -> str:
        return "bar" if self.total else "line"


@dataclass(frozen=True)
class Mean:
    """An average: `numerator` (a sum) over `denominator` (a count), shown only when the
    denominator itself is shown (not suppressed), so an average never describes a few people."""

    label: str
    numerator: str
    denominator: str
    decimals: int = 0
    colour: str = BLUE


@dataclass(frozen=True)
class Averages:
    key: str
    title: str
    when: str
    means: tuple[Mean, ...]
    unit: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    tables: tuple[Table | Averages, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class StockFlow:
    """Last month's stock plus this month's inflow less its outflow is this month's stock: a
    relation between months that a reader can use as well as any total."""

    stock: str
    inflow: str
    outflow: str


def _bands(prefix: str, bands: list[tuple[str, str]], colours=PALETTE) -> tuple[Series, ...]:
    return tuple(Series(f"{prefix}.{code}", label, colours[i % len(colours)]) for i, (code, label) in enumerate(bands))


# ---------------------------------------------------------------- register
ON_REGISTER = Series("register.total", "On the register", DARK_BLUE)
RATINGS = (
    Series("register.rating.red", "Red", RED),
    Series("register.rating.amber", "Amber", AMBER),
    Series("register.rating.green", "Green", GREEN),
    Series("register.rating.blue", "Blue", BLUE),
    Series("register.rating.none", "Not yet rated", GREY),
)
AGE_BAND_SERIES = _bands("register.age", [(band, label) for band, (_, _, label) in AGE_BANDS.items()])
NEW_ENTRIES = Series("register.new", "New entries", BLUE)
REMOVALS = Series("register.removed", "Removals", ORANGE)
REMOVAL_SERIES = _bands("register.removed", [(reason.value, reason.label) for reason in RemovalReason])

# ---------------------------------------------------------------- inpatients
INPATIENTS = Series("inpatients.total", "Inpatients", DARK_BLUE)
ADMISSIONS = Series("admissions.total", "Admissions", BLUE)
DISCHARGES = Series("discharges.total", "Discharges", ORANGE)
LOS_BANDS = [
    ("0-28", "Up to 28 days"),
    ("29-90", "29 to 90 days"),
    ("91-365", "91 days to a year"),
    ("366+", "Over a year"),
]
LOS_SERIES = _bands("discharges.los", LOS_BANDS)

# ---------------------------------------------------------------- C(E)TRs
TIMELINESS = [("on_time", "Held within the deadline"), ("late", "Held late"), ("not_held", "Not held")]
POST_ADMISSION_DUE = Series("cetr.post_admission.total", "Post-admission C(E)TRs due", DARK_BLUE)
REPEAT_DUE = Series("cetr.repeat.total", "Repeat inpatient C(E)TRs due", DARK_BLUE)
ACTIONS_OPEN = Series("cetr.actions.total", "Actions open", DARK_BLUE)

# ---------------------------------------------------------------- keyworking
ELIGIBLE = Series("keyworking.eligible.total", "Eligible for keyworking", DARK_BLUE)
NEW_ALLOCATIONS = Series("keyworking.allocations.new", "New allocations", BLUE)
WAIT_BANDS = [
    ("0-14", "Up to 14 days"),
    ("15-28", "15 to 28 days"),
    ("29-56", "29 to 56 days"),
    ("57+", "Over 56 days"),
]
OUTCOME_LABELS = {
    "safe_and_happy": "Feels safe and happy",
    "listened_to": "Feels listened to",
    "informed_and_involved": "Informed and involved in plans",
    "family_listened_to": "Family listened to and involved",
    "family_less_stress": "Family has less stress",
    "family_stability": "Family has more stability",
}

# ---------------------------------------------------------------- referrals
DECIDED = Series("referrals.decided", "Decided", DARK_BLUE)

SECTIONS = (
    Section(
        "register",
        "Register",
        (
            Table(
                "register_rating", "People on the register by rating", "at the end of the month", RATINGS, ON_REGISTER
            ),
            Table(
                "register_age", "People on the register by age", "at the end of the month", AGE_BAND_SERIES, ON_REGISTER
            ),
            Table("register_movements", "New entries and removals", "in the month", (NEW_ENTRIES, REMOVALS)),
            Table("removal_reasons", "Removals by reason", "in the month", REMOVAL_SERIES, REMOVALS),
        ),
    ),
    Section(
        "inpatients",
        "Inpatients",
        (
            Table(
                "inpatients_setting",
                "Inpatients (blue) by setting",
                "at the end of the month",
                (Series("inpatients.secure", "Secure", PURPLE), Series("inpatients.non_secure", "Not secure", AQUA)),
                INPATIENTS,
            ),
            Table(
                "inpatients_placement",
                "Inpatients (blue) placed out of area",
                "at the end of the month",
                (
                    Series("inpatients.in_area", "In area", BLUE),
                    Series("inpatients.out_of_area", "Out of area", ORANGE),
                ),
                INPATIENTS,
            ),
            Table("admissions_discharges", "Admissions and discharges", "in the month", (ADMISSIONS, DISCHARGES)),
            Table(
                "admissions_community_cetr",
                "Admissions with and without a prior community C(E)TR",
                "in the month",
                (
                    Series("admissions.with_community_cetr", "After a community C(E)TR", GREEN),
                    Series("admissions.without_community_cetr", "Without a community C(E)TR", RED),
                ),
                ADMISSIONS,
            ),
            Table("length_of_stay", "Length of stay of people discharged", "in the month", LOS_SERIES, DISCHARGES),
            Averages(
                "length_of_stay_mean",
                "Average length of stay of people discharged",
                "in the month",
                (Mean("Average length of stay", "discharges.los_days", "discharges.total"),),
                unit="days",
            ),
        ),
    ),
    Section(
        "cetr",
        "C(E)TRs",
        (
            Table(
                "post_admission_cetrs",
                "Post-admission C(E)TRs due",
                "due in the month",
                _bands("cetr.post_admission", TIMELINESS, (GREEN, AMBER, RED)),
                POST_ADMISSION_DUE,
            ),
            Table(
                "repeat_cetrs",
                "Repeat inpatient C(E)TRs due",
                "due in the month",
                _bands("cetr.repeat", TIMELINESS, (GREEN, AMBER, RED)),
                REPEAT_DUE,
            ),
            Table(
                "cetr_actions",
                "C(E)TR actions still open",
                "at the end of the month",
                (Series("cetr.actions.on_track", "Not yet due", GREEN), Series("cetr.actions.overdue", "Overdue", RED)),
                ACTIONS_OPEN,
            ),
            Table(
                "cetr_escalations",
                "C(E)TR actions escalated to the oversight panel",
                "open at the end of the month, and new in the month",
                (
                    Series("cetr.escalations.open", "Escalations open", PURPLE),
                    Series("cetr.escalations.new", "New escalations", ORANGE),
                ),
            ),
        ),
    ),
    Section(
        "keyworking",
        "Keyworking",
        (
            Table(
                "keyworking_eligible",
                "Eligible for keyworking: allocated and waiting",
                "at the end of the month",
                (
                    Series("keyworking.eligible.allocated", "Allocated a keyworker", GREEN),
                    Series("keyworking.eligible.waiting", "Waiting", ORANGE),
                ),
                ELIGIBLE,
            ),
            Table(
                "keyworking_waiting_time",
                "Waiting time from eligibility to allocation",
                "allocated in the month",
                _bands("keyworking.wait", WAIT_BANDS, (GREEN, AQUA, AMBER, RED)),
                NEW_ALLOCATIONS,
            ),
            Averages(
                "keyworking_waiting_mean",
                "Average wait from eligibility to allocation",
                "allocated in the month",
                (Mean("Average wait", "keyworking.wait_days", "keyworking.allocations.new"),),
                unit="days",
            ),
            Table(
                "keyworking_caseloads",
                "Caseloads",
                "at the end of the month",
                (
                    Series("keyworking.allocations.open", "Open allocations", BLUE),
                    Series("keyworking.keyworkers", "Keyworkers with a caseload", PURPLE),
                ),
            ),
            Averages(
                "keyworking_activity",
                "Caseload per keyworker and contacts per case",
                "in the month",
                (
                    Mean("Cases per keyworker", "keyworking.allocations.open", "keyworking.keyworkers", 1, PURPLE),
                    Mean("Contacts per case", "keyworking.contacts", "keyworking.cases_in_month", 1, AQUA),
                ),
            ),
            Averages(
                "keyworking_hope",
                "Families' hope score (0 to 10)",
                "recorded in the month",
                (Mean("Average hope score", "keyworking.hope.sum", "keyworking.hope.count", 1),),
            ),
            Averages(
                "keyworking_outcomes",
                "National keyworking outcomes (1 to 5)",
                "rated in the month",
                tuple(
                    Mean(label, f"keyworking.outcome.{key}.sum", f"keyworking.outcome.{key}.count", 1, PALETTE[i])
                    for i, (key, label) in enumerate(OUTCOME_LABELS.items())
                ),
            ),
        ),
    ),
    Section(
        "referrals",
        "Referrals",
        (
            Table(
                "referrals_received",
                "Referrals received",
                "in the month",
                (Series("referrals.received", "Received", BLUE),),
            ),
            Table(
                "referrals_decisions",
                "Referrals accepted and not accepted",
                "decided in the month",
                (
                    Series("referrals.accepted", "Accepted", GREEN),
                    Series("referrals.not_accepted", "Not accepted", ORANGE),
                ),
                DECIDED,
            ),
            Table(
                "referrals_timeliness",
                "Referrals decided within the area's target",
                "decided in the month",
                (
                    Series("referrals.within_target", "Within target", GREEN),
                    Series("referrals.outside_target", "Outside target", RED),
                ),
                DECIDED,
            ),
        ),
    ),
)

SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}

STOCK_FLOWS = (
    StockFlow(ON_REGISTER.code, NEW_ENTRIES.code, REMOVALS.code),
    StockFlow(INPATIENTS.code, ADMISSIONS.code, DISCHARGES.code),
)


def tables() -> list[Table]:
    return [table for section in SECTIONS for table in section.tables if isinstance(table, Table)]


def count_codes() -> list[str]:
    """Every count a snapshot holds (suppressed when shown)."""
    codes = {series.code for table in tables() for series in table.columns}
    codes |= {
        mean.denominator for section in SECTIONS for t in section.tables if isinstance(t, Averages) for mean in t.means
    }
    return sorted(codes)


def sum_codes() -> list[str]:
    """Sums held only to work out averages; never shown themselves."""
    counts = set(count_codes())
    sums = {
        mean.numerator for section in SECTIONS for t in section.tables if isinstance(t, Averages) for mean in t.means
    }
    return sorted(sums - counts)


def relations() -> list[tuple[tuple[int, str], ...]]:
    """Within one month: each breakdown adds up to its total."""
    found = []
    for table in tables():
        if table.total:
            relation = (*((1, series.code) for series in table.series), (-1, table.total.code))
            if relation not in found:
                found.append(relation)
    return found
