"""Referrals: received, decided (accepted or not), and decided within the area's target
(referrals.rules.decision_due_on with the area's referral settings)."""

from collections import Counter

from areas.selectors import settings_for
from dashboards.collect.common import day_range, local_day
from referrals import rules
from referrals.models import ReferralSettings
from referrals.selectors import referral_decisions, referrals_arrived_count


def collect(area, first, last) -> Counter:
    figures: Counter[str] = Counter()
    start, end = day_range(first, last)
    figures["referrals.received"] = referrals_arrived_count(area.id, start, end)
    target_days = settings_for(ReferralSettings, area.id).decision_target_days
    for accepted, arrived_at, decided_at in referral_decisions(area.id, start, end):
        figures["referrals.decided"] += 1
        figures["referrals.accepted" if accepted else "referrals.not_accepted"] += 1
        due = rules.decision_due_on(local_day(arrived_at), target_days=target_days)
        figures["referrals.within_target" if local_day(decided_at) <= due else "referrals.outside_target"] += 1
    return figures
