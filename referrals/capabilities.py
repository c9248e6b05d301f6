"""What each role may do with referrals (see areas.roles.Capability)."""

from areas.roles import Capability, Role

# See the area's referral queue and decide referrals: accept, decline, forward, tell the outcome.
TRIAGE_REFERRALS = Capability("triage referrals", {Role.DSR_HOLDER})
# Refer a young person from inside the service (to any area: where the young person lives).
MAKE_REFERRALS = Capability(
    "refer a young person",
    {Role.DSR_HOLDER, Role.MDT_CHAIR, Role.KEYWORKER, Role.SENIOR_PRACTITIONER, Role.CETR_COORDINATOR},
)
