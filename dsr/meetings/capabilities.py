"""What each role may do with DSR MDT meetings (see areas.roles.Capability)."""

from areas.roles import Capability, Role

# Read meetings, agendas and minutes: they hold whole-record content about many people, so the
# roles that see whole register records. Keyworkers see the actions about their own caseload
# in keyworking instead.
VIEW_MEETINGS = Capability(
    "view DSR MDT meetings", {Role.MDT_CHAIR, Role.DSR_HOLDER, Role.SENIOR_PRACTITIONER, Role.CETR_COORDINATOR}
)
# Plan and run meetings: agenda, decisions, actions, closing, amendments.
RUN_MEETINGS = Capability("run DSR MDT meetings", {Role.MDT_CHAIR})
# Record that the outcome was fed back to the family and the referrer; update action progress.
FOLLOW_UP_MEETINGS = Capability("follow up DSR MDT meetings", {Role.MDT_CHAIR, Role.DSR_HOLDER})
