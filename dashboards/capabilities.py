"""Who may see the dashboards (see areas.roles.Capability).

Commissioners see aggregate figures only; DSR holders and MDT chairs see the same dashboards
for their own areas. Nothing here gives access to any record. How small numbers are hidden
is set by information governance (and area admins), who need not see the dashboards.
"""

from areas.roles import Capability, Role

VIEW_DASHBOARDS = Capability(
    "view dashboards of aggregate figures", {Role.COMMISSIONER, Role.DSR_HOLDER, Role.MDT_CHAIR}
)

# Information governance owns disclosure control; area admins keep the area's settings.
SET_DISCLOSURE = Capability("set the dashboards' small-number suppression", {Role.IG_LEAD, Role.AREA_ADMIN})
