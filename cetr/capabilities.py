"""What each role may do with C(E)TRs (see areas.roles.Capability).

The C(E)TR coordinator runs reviews; the register's other case-holding roles may read them.
Keyworkers follow up the actions of their own caseload only (never the panels). Commissioners
see aggregates elsewhere; when one chairs a panel they reach that review's papers as a panel
member (see cetr.selectors.panel_papers), not through a role.
"""

from areas.roles import Capability, Role

# Schedule, record and follow up reviews; keep panels, papers, recommendations, actions,
# emergency meetings, root-cause reviews and the area's C(E)TR settings.
MANAGE_CETRS = Capability("run C(E)TRs", {Role.CETR_COORDINATOR})
# Read reviews, their actions and people's C(E)TR histories in the area.
VIEW_CETRS = Capability(
    "view C(E)TRs",
    {Role.CETR_COORDINATOR, Role.DSR_HOLDER, Role.MDT_CHAIR, Role.SENIOR_PRACTITIONER},
)
# See and update C(E)TR actions for people on one's own keyworking caseload.
FOLLOW_UP_CASELOAD_ACTIONS = Capability("follow up C(E)TR actions for their caseload", {Role.KEYWORKER})
# Panel chairs are usually commissioners: they get the "C(E)TR panels" menu entry.
SITS_ON_PANELS = Capability("sit on C(E)TR panels", {Role.COMMISSIONER, Role.CETR_COORDINATOR})
