"""Small-number suppression of commissioners' figures, as plain functions (no database, no HTTP).

What one figure shows (`disclose`), as in the published NHS learning-disability statistics:
  - 0 is shown as 0;
  - 1 to threshold - 1 (default 1 to 7) is shown as "*";
  - anything else is rounded to the nearest `rounding` (default 5), halves up.

Every figure, totals included, is disclosed from its own raw count by that one rule, so a page,
its chart, its CSV and XLSX, the API and the monthly return all show the same thing.

Rounding alone does not stop a total giving a suppressed figure away. Each shown number tells
a reader a range of raw counts ("10" means 8 to 12, "*" means 1 to 7), and parts must add up to
their total, so a reader can narrow a suppressed part by subtraction. With the default policy,
parts "*", "10", "10" and a total of "15" mean the parts are at least 1, 8 and 8 and the total at
most 17: the suppressed part is exactly 1. `protect` finds such cases by narrowing every
figure's range through every relation a reader knows (a breakdown adds up to its total, two
breakdowns share a total, the areas add up to the partnership, last month's stock plus this
month's flows give this month's stock) and then hides a further figure (secondary suppression,
also shown as "*") until no suppressed figure can be narrowed to a single value.

A relation is a tuple of (coefficient, key) pairs whose weighted sum is zero (parts +1, the
total -1). Pass only relations that hold on the raw figures: a false one tells a reader
nothing, and would contradict the others.
"""

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

Key = Hashable
Relation = tuple[tuple[int, Key], ...]

NATIONAL_THRESHOLD = 8  # counts below this (1 to 7) are suppressed
NATIONAL_ROUNDING = 5  # other counts are rounded to the nearest 5
SUPPRESSED = "*"


@dataclass(frozen=True)
class Policy:
    """How one area's (or partnership's) figures are protected."""

    threshold: int = NATIONAL_THRESHOLD
    rounding: int = NATIONAL_ROUNDING

    @staticmethod
    def strictest(policies: Iterable["Policy"]) -> "Policy":
        """Figures that combine areas follow the strictest policy among them."""
        policies = list(policies) or [Policy()]
        return Policy(max(p.threshold for p in policies), max(p.rounding for p in policies))


@dataclass(frozen=True)
class PolicyProblem:
    """Why a policy cannot be used, and which of its two numbers is at fault."""

    number: str  # "threshold" or "rounding"
    message: str


def policy_problem(threshold: int, rounding: int) -> PolicyProblem | None:
    """Why a policy cannot be used, or None. The smallest shown count must round to at least
    one rounding step, or a small count would be shown as a misleading 0."""
    if threshold < 2:
        return PolicyProblem("threshold", "Enter 2 or more, so that a count of 1 is always shown as *")
    if rounding < 1:
        return PolicyProblem("rounding", "Enter 1 or more (1 shows counts as they are)")
    if 2 * threshold < rounding:
        return PolicyProblem(
            "rounding",
            f"Enter {2 * threshold} or less: the rounding step can be at most twice the smallest count "
            f"shown ({threshold}), or that count would be shown as 0",
        )
    return None


@dataclass(frozen=True)
class Shown:
    """What a reader sees of one count, and the range of raw counts that is consistent with it."""

    value: int | None  # None: suppressed ("*")
    low: float
    high: float
    secondary: bool = False  # hidden to protect another figure, not because it is small

    @property
    def display(self) -> str:
        return SUPPRESSED if self.value is None else str(self.value)

    @property
    def suppressed(self) -> bool:
        return self.value is None


def round_half_up(raw: int, step: int) -> int:
    return (raw + step // 2) // step * step


def disclose(raw: int, policy: Policy) -> Shown:
    """The primary rule: 0 as 0, small counts as "*", the rest rounded."""
    if raw < 0:
        raise ValueError("Counts cannot be negative")
    if raw == 0:
        return Shown(0, 0, 0)
    if raw < policy.threshold:
        return Shown(None, 1, policy.threshold - 1)
    value = round_half_up(raw, policy.rounding)
    # The raw counts that round to `value` (and are not themselves suppressed).
    low = max(value - policy.rounding // 2, policy.threshold)
    high = value + (policy.rounding - 1) // 2
    return Shown(value, low, high)


def conceal(shown: Shown, policy: Policy) -> Shown:
    """Secondary suppression of a figure that would have been shown. A reader who guessed it
    was hidden for this reason would know it is at least the threshold (we assume the worst)."""
    return Shown(None, policy.threshold, math.inf, secondary=True)


def narrow(ranges: Mapping[Key, tuple[float, float]], relations: Iterable[Relation]) -> dict[Key, tuple[float, float]]:
    """Tighten each figure's range through the relations until nothing changes (interval
    propagation: what a reader can work out by adding and subtracting shown figures)."""
    bounds = {key: (float(low), float(high)) for key, (low, high) in ranges.items()}
    relations = [relation for relation in relations if all(key in bounds for _, key in relation)]
    for _ in range(100):  # converges in a few passes; the cap only guards against oscillation
        changed = False
        for relation in relations:
            changed |= _narrow_one(bounds, relation)
        if not changed:
            break
    return bounds


def _term(coefficient: int, low: float, high: float) -> tuple[float, float]:
    return (low, high) if coefficient > 0 else (-high, -low)


def _narrow_one(bounds: dict[Key, tuple[float, float]], relation: Relation) -> bool:
    """One relation: each term is minus the sum of the others. Linear in the relation's size:
    the sums are taken once, infinite ends counted apart (inf - inf is undefined)."""
    terms = [_term(coefficient, *bounds[key]) for coefficient, key in relation]
    low_sum = sum(low for low, _ in terms if low != -math.inf)
    low_infinite = sum(1 for low, _ in terms if low == -math.inf)
    high_sum = sum(high for _, high in terms if high != math.inf)
    high_infinite = sum(1 for _, high in terms if high == math.inf)
    changed = False
    for (coefficient, key), (low, high) in zip(relation, terms, strict=True):
        others_high = math.inf if high_infinite - (high == math.inf) else high_sum - (0 if high == math.inf else high)
        others_low = -math.inf if low_infinite - (low == -math.inf) else low_sum - (0 if low == -math.inf else low)
        term_low, term_high = -others_high, -others_low
        new_low, new_high = (term_low, term_high) if coefficient > 0 else (-term_high, -term_low)
        old_low, old_high = bounds[key]
        new = (max(old_low, new_low), min(old_high, new_high))
        if new[0] > new[1]:
            raise ValueError(f"The relations contradict the figures at {key!r}: pass only relations that hold")
        if new != (old_low, old_high):
            bounds[key] = new
            changed = True
    return changed


def revealed(cells: Mapping[Key, Shown], relations: Iterable[Relation]) -> list[Key]:
    """Suppressed figures (small counts) that a reader could work out exactly."""
    bounds = narrow({key: (cell.low, cell.high) for key, cell in cells.items()}, relations)
    return sorted(
        (
            key
            for key, cell in cells.items()
            if cell.suppressed and not cell.secondary and bounds[key][1] <= bounds[key][0]
        ),
        key=repr,
    )


def protect(
    raw: Mapping[Key, int],
    relations: Iterable[Relation],
    policy: Policy,
    *,
    fixed: Mapping[Key, Shown] | None = None,
) -> dict[Key, Shown]:
    """Disclose every figure of `raw`, then add secondary suppression until no small count can
    be worked out from the others.

    `fixed` are figures the reader also sees but which are decided elsewhere (an area's own
    figures beside a partnership's, last month's stock); only figures of `raw` are hidden here.
    For a fixed figure pass its primary disclosure: that is the most a reader could know of it,
    so the check is on the safe side whatever was hidden on its own page.
    """
    shown = {key: disclose(value, policy) for key, value in raw.items()}
    fixed = dict(fixed or {})
    relations = [relation for relation in relations if all(key in shown or key in fixed for _, key in relation)]
    # Figures in different groups of linked relations cannot tell anything about each other:
    # check each group on its own, and only groups holding a small count at all.
    for group in linked_groups(relations):
        cells = {key: shown[key] if key in shown else fixed[key] for relation in group for _, key in relation}
        if not any(cell.suppressed and not cell.secondary for cell in cells.values()):
            continue
        own = {key: cells[key] for key in cells if key in shown}
        others = {key: cells[key] for key in cells if key not in shown}
        exposed = revealed(cells, group)
        while exposed:
            victim = _choose_victim(exposed[0], raw, own, others, group, policy)
            if victim is None:
                break  # nothing of ours is left to hide: the fixed figures alone give it away
            own[victim] = shown[victim] = conceal(own[victim], policy)
            exposed = revealed(others | own, group)
    return shown


def linked_groups(relations: list[Relation]) -> list[list[Relation]]:
    """Relations grouped by shared figures (connected components)."""
    parent: dict[Key, Key] = {}

    def root(key: Key) -> Key:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for relation in relations:
        first = root(relation[0][1])
        for _, key in relation[1:]:
            parent[root(key)] = first
    groups: dict[Key, list[Relation]] = {}
    for relation in relations:
        groups.setdefault(root(relation[0][1]), []).append(relation)
    return list(groups.values())


def _candidates(target: Key, raw: Mapping[Key, int], shown: Mapping[Key, Shown], relations: list[Relation]):
    """Rings of figures of ours that could be hidden to protect `target`: first those sharing a
    relation with it, then those one relation further, and so on; in each ring parts before
    totals (totals are the headline figures), smallest first. Zeros are never hidden (they are
    exact, and hiding one would claim it might be a small count)."""
    reached, frontier, used = {target}, {target}, set()
    while frontier:
        ring, next_frontier = set(), set()
        for index, relation in enumerate(relations):
            if index in used or not any(key in frontier for _, key in relation):
                continue
            used.add(index)
            for coefficient, key in relation:
                if key in shown and not shown[key].suppressed and shown[key].value != 0:
                    ring.add((0 if coefficient > 0 else 1, raw[key], repr(key), key))
                if key not in reached:
                    reached.add(key)
                    next_frontier.add(key)
        yield [key for *_, key in sorted(ring, key=lambda item: item[:3])]
        frontier = next_frontier


def _choose_victim(target, raw, shown, fixed, relations, policy) -> Key | None:
    """The first candidate whose hiding alone protects `target`; failing that, the first
    candidate of the nearest ring (hiding it only removes information; the loop goes on)."""
    for ring in _candidates(target, raw, shown, relations):
        for key in ring:
            trial = fixed | shown | {key: conceal(shown[key], policy)}
            if target not in revealed(trial, relations):
                return key
        if ring:
            return ring[0]
    return None
