"""Goals and progress, national outcomes, the hope score, small spends and clinical input."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from areas.selectors import settings_for
from keyworking.models import ClinicalNote, HopeScore, KeyworkingSettings, OutcomeRating, Spend
from keyworking.services import casework
from keyworking.services.allocations import allocation_close
from tests.factories import area
from tests.keyworking.factories import allocated, eligible_entry


@pytest.fixture
def case(keyworker):
    return allocated(eligible_entry(days_ago=20), keyworker)


def test_goal_progress_over_time_and_achieved_at_ten(case, keyworker):
    goal = casework.goal_add(allocation=case, description="Sleep through the night", created_by=keyworker)
    casework.goal_progress_record(goal=goal, score=4, recorded_by=keyworker)
    casework.goal_progress_record(goal=goal, score=10, recorded_by=keyworker)
    goal.refresh_from_db()
    assert goal.status == "achieved"
    assert [row.score for row in goal.progress.all()] == [10, 4]


def test_outcomes_are_rated_once_at_allocation_many_times_at_review_and_at_closure(case, keyworker, chair):
    scores = {"safe_and_happy": 2, "family_less_stress": 1}
    casework.outcome_rate(allocation=case, point="allocation", recorded_by=keyworker, scores=scores)
    with pytest.raises(ValidationError, match="already rated"):
        casework.outcome_rate(allocation=case, point="allocation", recorded_by=keyworker, scores=scores)
    casework.outcome_rate(allocation=case, point="review", recorded_by=keyworker, scores=scores)
    casework.outcome_rate(allocation=case, point="review", recorded_by=keyworker, scores=scores)
    with pytest.raises(ValidationError, match="Close the keyworking first"):
        casework.outcome_rate(allocation=case, point="closure", recorded_by=keyworker, scores=scores)
    allocation_close(allocation=case, reason="goals_met", closed_by=chair)
    case.refresh_from_db()
    casework.outcome_rate(allocation=case, point="closure", recorded_by=keyworker, scores={"safe_and_happy": 4})
    assert OutcomeRating.objects.filter(allocation=case).count() == 4


def test_outcome_scores_run_from_1_to_5(case, keyworker):
    with pytest.raises(ValidationError):
        casework.outcome_rate(allocation=case, point="review", recorded_by=keyworker, scores={"listened_to": 6})


def test_the_hope_score_runs_from_0_to_10(signed_in, keyworker, case):
    client = signed_in(keyworker)
    assert client.post(reverse("keyworking:hope-add", args=[case.pk]), {"score": "11"}).status_code == 400
    assert client.post(reverse("keyworking:hope-add", args=[case.pk]), {"score": "7"}).status_code == 302
    assert HopeScore.objects.get().score == 7


def test_spends_are_refused_past_the_areas_budget(case, keyworker):
    settings = settings_for(KeyworkingSettings, area("thurrock").id)
    settings.spend_budget = Decimal("50.00")
    settings.save()
    casework.spend_record(allocation=case, amount=Decimal("40"), what_for="Taxi to appointment", recorded_by=keyworker)
    with pytest.raises(ValidationError, match=r"£10\.00 is left"):
        casework.spend_record(allocation=case, amount=Decimal("20"), what_for="Lunch", recorded_by=keyworker)
    assert Spend.objects.count() == 1


def test_only_senior_practitioners_add_clinical_input(signed_in, case, keyworker, senior):
    url = reverse("keyworking:clinical-note-add", args=[case.pk])
    assert signed_in(keyworker).post(url, {"text": "Keyworker's note"}).status_code == 400
    assert signed_in(senior).post(url, {"text": "Consider a PBS review"}).status_code == 302
    assert list(ClinicalNote.objects.values_list("text", flat=True)) == ["Consider a PBS review"]
