"""Referrals: received, decided (accepted or not), and decided within the area's target
(referrals.rules.decision_due_on with the area's referral settings)."""

from collections import Counter

from areas.selectors import settings_for
from dashboards.collect.common import day_range, local_day
from referrals import rules
from referrals.models import Referral, ReferralSettings, ReferralStatus


def collect(area, first, last) -> Counter:
    figures: Counter[str] = Counter()
    start, end = day_range(first, last)
    figures["referrals.received"] = Referral.objects.filter(
        area_id=area.id, arrived_at__gte=start, arrived_at__lt=end
    ).count()
    target_days = settings_for(ReferralSettings, area.id).decision_target_days
    decided = Referral.objects.filter(
        area_id=area.id,
        status__in=(ReferralStatus.ACCEPTED, ReferralStatus.NOT_ACCEPTED),
        decided_at__gte=start,
        decided_at__lt=end,
    ).values_list("status", "arrived_at", "decided_at")
    for status, arrived_at, decided_at in decided:
        figures["referrals.decided"] += 1
        figures["referrals.accepted" if status == ReferralStatus.ACCEPTED else "referrals.not_accepted"] += 1
        due = rules.decision_due_on(local_day(arrived_at), target_days=target_days)
        figures["referrals.within_target" if local_day(decided_at) <= due else "referrals.outside_target"] += 1
    return figures
