"""Inpatients (blue): at the month's end by setting and placement; admissions (with or without
a community C(E)TR before them, by cetr.selectors.flagged_admissions), discharges and length
of stay."""

from collections import Counter

from cetr.selectors import flagged_admissions
from dashboards.collect.common import open_on, within
from dsr.selectors import episodes_admitted_by

LOS_BANDS = ((28, "0-28"), (90, "29-90"), (365, "91-365"), (None, "366+"))


def los_band(days: int) -> str:
    return next(band for limit, band in LOS_BANDS if limit is None or days <= limit)


def collect(area, first, last) -> Counter:
    figures: Counter[str] = Counter()
    episodes = episodes_admitted_by(area.id, last).values_list(
        "id", "admitted_on", "discharged_on", "secure", "out_of_area"
    )
    admitted_here = set()
    for episode_id, admitted_on, discharged_on, secure, out_of_area in episodes:
        if within(admitted_on, first, last):
            figures["admissions.total"] += 1
            admitted_here.add(episode_id)
        if within(discharged_on, first, last):
            days = (discharged_on - admitted_on).days
            figures["discharges.total"] += 1
            figures[f"discharges.los.{los_band(days)}"] += 1
            figures["discharges.los_days"] += days
        if open_on(admitted_on, discharged_on, last):
            figures["inpatients.total"] += 1
            figures["inpatients.secure" if secure else "inpatients.non_secure"] += 1
            figures["inpatients.out_of_area" if out_of_area else "inpatients.in_area"] += 1
    if admitted_here:
        # LAEP and blue-light meetings are not C(E)TRs: cetr keeps them in another table, so
        # they can never make an admission count as "after a community C(E)TR".
        without = {flag.episode.id for flag in flagged_admissions(area, outstanding_only=False)} & admitted_here
        figures["admissions.without_community_cetr"] = len(without)
        figures["admissions.with_community_cetr"] = len(admitted_here) - len(without)
    return figures
