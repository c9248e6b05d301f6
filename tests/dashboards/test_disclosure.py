"""The suppression rules as plain functions, on hand-checked figures."""

import itertools

import pytest

from dashboards.disclosure import Policy, conceal, disclose, narrow, policy_problem, protect, revealed

DEFAULT = Policy()
PARTS_AND_TOTAL = [((1, "a"), (1, "b"), (1, "c"), (-1, "total"))]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [(0, "0"), (1, "*"), (7, "*"), (8, "10"), (12, "10"), (13, "15"), (17, "15"), (22, "20"), (23, "25"), (100, "100")],
)
def test_zero_shown_small_counts_suppressed_others_rounded_to_five(raw, shown):
    assert disclose(raw, DEFAULT).display == shown


def test_a_shown_figure_tells_the_reader_its_range():
    assert (disclose(8, DEFAULT).low, disclose(8, DEFAULT).high) == (8, 12)
    assert (disclose(3, DEFAULT).low, disclose(3, DEFAULT).high) == (1, 7)


def test_the_policy_is_configurable():
    strict = Policy(threshold=11, rounding=10)
    assert disclose(10, strict).display == "*"
    assert disclose(11, strict).display == "10"
    assert disclose(15, strict).display == "20"


def test_a_policy_that_would_show_a_small_count_as_zero_is_refused():
    assert policy_problem(3, 10).number == "rounding"
    assert policy_problem(1, 5).number == "threshold"
    assert policy_problem(8, 0).number == "rounding"
    assert policy_problem(8, 5) is None


def test_combined_areas_follow_the_strictest_policy():
    assert Policy.strictest([Policy(8, 5), Policy(11, 10), Policy(6, 5)]) == Policy(11, 10)


def test_a_rounded_total_can_give_a_suppressed_part_away():
    # Parts "*", "10", "10" and total "15": parts at least 1, 8, 8; total at most 17 → the
    # suppressed part is exactly 1.
    raw = {"a": 1, "b": 8, "c": 8, "total": 17}
    cells = {key: disclose(value, DEFAULT) for key, value in raw.items()}
    assert [cells[k].display for k in ("a", "b", "c", "total")] == ["*", "10", "10", "15"]
    assert revealed(cells, PARTS_AND_TOTAL) == ["a"]


def test_protect_hides_a_further_figure_so_the_suppressed_part_cannot_be_worked_out():
    raw = {"a": 1, "b": 8, "c": 8, "total": 17}
    shown = protect(raw, PARTS_AND_TOTAL, DEFAULT)
    assert shown["a"].display == "*"
    hidden = [key for key in ("b", "c", "total") if shown[key].secondary]
    assert hidden
    assert revealed(shown, PARTS_AND_TOTAL) == []


def test_an_ordinary_table_keeps_its_rounded_total():
    raw = {"a": 3, "b": 20, "c": 35, "total": 58}
    shown = protect(raw, PARTS_AND_TOTAL, DEFAULT)
    assert [shown[k].display for k in ("a", "b", "c", "total")] == ["*", "20", "35", "60"]


def test_two_breakdowns_of_one_total_are_checked_together():
    # Ratings: red 7 ("*"), amber 17 ("15": at most 17). Ages: 8, 8, 8 ("10" each: at least
    # 24 in all). So the total is at least 24 and red at least 24 - 17 = 7: exactly 7.
    relations = [((1, "red"), (1, "amber"), (-1, "total")), ((1, "x"), (1, "y"), (1, "z"), (-1, "total"))]
    raw = {"red": 7, "amber": 17, "x": 8, "y": 8, "z": 8, "total": 24}
    assert revealed({k: disclose(v, DEFAULT) for k, v in raw.items()}, relations) == ["red"]
    shown = protect(raw, relations, DEFAULT)
    assert revealed(shown, relations) == []
    assert shown["total"].display == "25"  # the headline figure survives: a part was hidden


def test_last_months_stock_and_this_months_flows_are_a_relation_too():
    # Register: 100 at the end of February ("100": 98 to 102); 10 new ("10": 8 to 12),
    # 113 at the end of March ("115": 113 to 117) → removals = 100 + 10 - 113... at most
    # 102 + 12 - 113 = 1: exactly 1.
    relation = [((1, "before"), (1, "new"), (-1, "after"), (-1, "removed"))]
    raw = {"new": 12, "after": 113, "removed": 1}
    fixed = {"before": disclose(102, DEFAULT)}
    cells = {k: disclose(v, DEFAULT) for k, v in raw.items()} | fixed
    assert revealed(cells, relation) == ["removed"]
    shown = protect(raw, relation, DEFAULT, fixed=fixed)
    assert revealed(shown | fixed, relation) == []


def test_figures_decided_elsewhere_are_never_hidden_here():
    relation = [((1, "area1"), (1, "area2"), (-1, "partnership"))]
    fixed = {"area1": disclose(1, DEFAULT), "area2": disclose(8, DEFAULT)}  # "*", "10"
    shown = protect({"partnership": 9}, relation, DEFAULT, fixed=fixed)
    assert set(shown) == {"partnership"}
    assert revealed(shown | fixed, relation) == []


def test_hidden_figures_are_assumed_known_to_be_at_least_the_threshold():
    hidden = conceal(disclose(40, DEFAULT), DEFAULT)
    assert (hidden.display, hidden.low, hidden.secondary) == ("*", 8, True)


def test_narrow_works_out_exact_figures_from_exact_ones():
    bounds = narrow({"a": (0, 100), "b": (5, 5), "t": (12, 12)}, [((1, "a"), (1, "b"), (-1, "t"))])
    assert bounds["a"] == (7, 7)


def test_narrow_refuses_relations_that_do_not_hold():
    with pytest.raises(ValueError, match="contradict"):
        narrow({"a": (1, 1), "b": (1, 1), "t": (5, 5)}, [((1, "a"), (1, "b"), (-1, "t"))])


@pytest.mark.parametrize("policy", [Policy(8, 5), Policy(11, 5), Policy(10, 10), Policy(6, 1)])
def test_no_suppressed_part_of_any_small_table_can_be_worked_out(policy):
    """Every table of three parts from 0 to 20 (9,261 tables, each with its total): after
    protection no small part can be narrowed to a single value from what is shown."""
    for a, b, c in itertools.product(range(0, 21), repeat=3):
        raw = {"a": a, "b": b, "c": c, "total": a + b + c}
        shown = protect(raw, PARTS_AND_TOTAL, policy)
        assert revealed(shown, PARTS_AND_TOTAL) == [], raw
