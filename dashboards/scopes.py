"""What a dashboard covers: one area, a whole partnership, or all of the reader's areas.

A partnership's dashboard is offered only to someone who may see the dashboard of every one
of its areas (otherwise subtracting their own areas would tell them about areas they do not
hold). Suppression follows the strictest policy of the areas (and partnerships) combined.
"""

from dataclasses import dataclass, field

from django.http import Http404

from areas import access
from areas.models import Area
from areas.selectors import settings_for_each
from dashboards.capabilities import VIEW_DASHBOARDS
from dashboards.disclosure import Policy
from dashboards.models import DashboardSettings, PartnershipDashboardSettings

ALL = "all"


@dataclass(frozen=True)
class Scope:
    kind: str  # "area", "partnership" or "all"
    path: str  # in URLs: "areas/<slug>", "partnerships/<code>" or "all"
    name: str
    area_ids: tuple[int, ...]
    policy: Policy
    # Ways of splitting the scope into smaller ones a reader also sees (its areas; for "all",
    # also its whole partnerships): the disclosure check includes these sums.
    parts: tuple[tuple["Scope", ...], ...] = field(default=(), compare=False)
    ons_code: str = ""

    @property
    def slug(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def _policies(areas: list[Area]) -> tuple[dict[int, Policy], dict[int, Policy]]:
    by_area = {area_id: settings.policy for area_id, settings in settings_for_each(DashboardSettings, areas).items()}
    partnership_ids = {area.partnership_id for area in areas}
    by_partnership = {
        row.partnership_id: row.policy
        for row in PartnershipDashboardSettings.objects.filter(partnership_id__in=partnership_ids)
    }
    return by_area, by_partnership


def scopes_for(user) -> list[Scope]:
    """Every dashboard the user may open: all their areas together (when more than one and not
    just one partnership), each partnership they hold whole, each area."""
    return build_scopes(list(access.areas_with(user, VIEW_DASHBOARDS)))


def every_scope() -> list[Scope]:
    """Every area's and every partnership's dashboard (for the nightly task to prepare)."""
    return [scope for scope in build_scopes(list(Area.objects.select_related("partnership"))) if scope.kind != "all"]


def build_scopes(areas: list[Area]) -> list[Scope]:
    areas = sorted(areas, key=lambda area: (area.partnership.name, area.name))
    if not areas:
        return []
    area_policy, partnership_policy = _policies(areas)
    area_scopes = {
        area.id: Scope(
            "area",
            f"areas/{area.slug}",
            area.name,
            (area.id,),
            area_policy[area.id],
            ons_code=area.ons_code,
        )
        for area in areas
    }
    held = set(area_scopes)
    members: dict[int, list[int]] = {}
    for area_id, partnership_id in Area.objects.filter(
        partnership_id__in={a.partnership_id for a in areas}
    ).values_list("id", "partnership_id"):
        members.setdefault(partnership_id, []).append(area_id)
    partnerships = []
    for partnership in {area.partnership_id: area.partnership for area in areas}.values():
        ids = members[partnership.id]
        if not set(ids) <= held:
            continue
        parts = tuple(area_scopes[area_id] for area_id in sorted(ids, key=lambda i: area_scopes[i].name))
        policy = Policy.strictest([*(part.policy for part in parts), partnership_policy.get(partnership.id, Policy())])
        partnerships.append(
            Scope(
                "partnership",
                f"partnerships/{partnership.code}",
                partnership.name,
                tuple(sorted(ids)),
                policy,
                (parts,),
            )
        )
    scopes = []
    every_area = tuple(area_scopes.values())
    if len(every_area) > 1 and not any(set(p.area_ids) == held for p in partnerships):
        in_partnerships = {area_id for p in partnerships for area_id in p.area_ids}
        splits = [every_area]
        if partnerships:
            splits.append((*partnerships, *(s for s in every_area if s.area_ids[0] not in in_partnerships)))
        policy = Policy.strictest([s.policy for s in every_area] + [p.policy for p in partnerships])
        scopes.append(Scope("all", ALL, "All your areas", tuple(sorted(held)), policy, tuple(splits)))
    return scopes + partnerships + list(every_area)


def scope_or_404(user, path: str) -> Scope:
    """The dashboard at `path` if the user may open it; 404 otherwise (never 403)."""
    for scope in scopes_for(user):
        if scope.path == path:
            return scope
    raise Http404("No such dashboard.")
