"""Snapshot figures on hand-checked records (tests/dashboards/factories.py says why each
figure is what it is)."""

from datetime import date

from dashboards.catalogue import count_codes, sum_codes
from dashboards.models import Figure
from dashboards.snapshots import snapshot_take
from tests.dashboards.factories import MARCH, TODAY
from tests.factories import area


def _figures(month=MARCH, today=TODAY) -> dict[str, int]:
    snapshot_take(area=area("thurrock"), month=month, today=today)
    return dict(Figure.objects.filter(area=area("thurrock"), month=month).values_list("code", "value"))


def test_register_by_rating_and_age_at_month_end(world):
    figures = _figures()
    assert figures["register.total"] == 4
    assert {code: figures.get(f"register.rating.{code}", 0) for code in ("red", "amber", "green", "blue", "none")} == {
        "red": 1,  # e1: red again on discharge (12 March), after amber on 5 March
        "amber": 0,
        "green": 0,
        "blue": 3,  # e2, e6 admitted in March; e7 since December
        "none": 0,
    }
    assert {band: figures.get(f"register.age.{band}", 0) for band in ("0-10", "11-15", "16-17", "18-25", "26+")} == {
        "0-10": 1,
        "11-15": 2,
        "16-17": 1,
        "18-25": 0,
        "26+": 0,
    }


def test_new_entries_and_removals_in_the_month(world):
    figures = _figures()
    assert figures["register.new"] == 2
    assert figures["register.removed"] == 1
    assert figures["register.removed.risk_reduced"] == 1


def test_last_month_stock_plus_flows_is_this_month_stock(world):
    february = _figures(date(2026, 2, 1))
    march = _figures()
    assert february["register.total"] == 3
    assert february["register.total"] + march["register.new"] - march["register.removed"] == march["register.total"]
    assert (
        february["inpatients.total"] + march["admissions.total"] - march["discharges.total"]
        == march["inpatients.total"]
    )


def test_inpatients_admissions_discharges_and_length_of_stay(world):
    figures = _figures()
    assert figures["inpatients.total"] == 3
    assert (figures["inpatients.secure"], figures["inpatients.non_secure"]) == (1, 2)
    assert (figures["inpatients.out_of_area"], figures["inpatients.in_area"]) == (1, 2)
    assert figures["admissions.total"] == 2
    assert figures["admissions.without_community_cetr"] == 1  # ep2
    assert figures["admissions.with_community_cetr"] == 1  # ep3
    assert figures["discharges.total"] == 1
    assert figures["discharges.los.29-90"] == 1
    assert figures["discharges.los_days"] == 30


def test_cetr_timeliness_and_actions(world):
    figures = _figures()
    assert figures["cetr.post_admission.total"] == 1
    assert figures["cetr.post_admission.on_time"] == 1
    assert figures["cetr.repeat.total"] == 1
    assert figures["cetr.repeat.late"] == 1
    assert figures["cetr.actions.total"] == 2
    assert figures["cetr.actions.overdue"] == 1
    assert figures["cetr.actions.on_track"] == 1
    assert figures["cetr.escalations.new"] == 1
    assert figures["cetr.escalations.open"] == 1


def test_post_admission_review_not_held_is_counted_in_the_month_it_fell_due(world):
    figures = _figures(date(2026, 2, 1))
    # ep1: admitted 10 February without a community C(E)TR: due 17 February, never held.
    assert figures["cetr.post_admission.total"] == 1
    assert figures["cetr.post_admission.not_held"] == 1


def test_keyworking_eligible_allocated_and_waiting(world):
    figures = _figures()
    assert figures["keyworking.eligible.total"] == 4
    assert figures["keyworking.eligible.allocated"] == 1
    assert figures["keyworking.eligible.waiting"] == 3
    assert figures["keyworking.allocations.new"] == 1
    assert figures["keyworking.allocations.open"] == 1
    assert figures["keyworking.keyworkers"] == 1
    assert figures["keyworking.contacts"] == 2
    assert figures["keyworking.cases_in_month"] == 1
    assert (figures["keyworking.hope.sum"], figures["keyworking.hope.count"]) == (7, 1)


def test_referrals_received_decided_and_within_target(world):
    figures = _figures()
    assert figures["referrals.received"] == 3
    assert figures["referrals.decided"] == 2
    assert (figures["referrals.accepted"], figures["referrals.not_accepted"]) == (1, 1)
    # Accepted 10 days after arriving; the other 40 days after (target: 28).
    assert (figures["referrals.within_target"], figures["referrals.outside_target"]) == (1, 1)


def test_every_collected_code_is_in_the_catalogue(world):
    assert set(_figures()) <= set(count_codes()) | set(sum_codes())


def test_other_areas_records_are_never_counted(world):
    snapshot_take(area=area("newham"), month=MARCH, today=TODAY)
    assert not Figure.objects.filter(area=area("newham"), month=MARCH).exists()
