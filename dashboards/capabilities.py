"""Who may see the dashboards (see areas.roles.Capability).

Commissioners see aggregate figures only; DSR holders and MDT chairs see the same dashboards
for their own areas. Nothing here gives access to any record.
"""

from areas.roles import Capability, Role

VIEW_DASHBOARDS = Capability(
    "view dashboards of aggregate figures", {Role.COMMISSIONER, Role.DSR_HOLDER, Role.MDT_CHAIR}
)
