"""What each role may do in keyworking (see areas.roles.Capability).

Keyworking does not keep the register, coordinate C(E)TR panels, fund packages or commission:
none of these capabilities lets a keyworker change a register entry."""

from areas.roles import Capability, Role

# Work a caseload: only the keyworker's own allocated cases (narrowed in keyworking.selectors).
WORK_CASELOAD = Capability("work a keyworking caseload", {Role.KEYWORKER})
# See all keyworking in the area and add clinical input.
OVERSEE_KEYWORKING = Capability("oversee keyworking", {Role.SENIOR_PRACTITIONER})
# Allocate, reallocate and close keyworking (the MDT chair, usually at the meeting).
ALLOCATE = Capability("allocate keyworkers", {Role.MDT_CHAIR})
# See every allocation of an area and the waiting list (no contact notes for the chair's role).
VIEW_ALLOCATIONS = Capability(
    "view keyworking allocations", {Role.MDT_CHAIR, Role.SENIOR_PRACTITIONER, Role.DSR_HOLDER}
)
# See case records: the keyworker (own cases) and the senior practitioner (all in the area).
VIEW_CASES = Capability("view keyworking case records", {Role.KEYWORKER, Role.SENIOR_PRACTITIONER, Role.MDT_CHAIR})
# Change the area's eligibility policy and keyworking settings.
MANAGE_POLICY = Capability("manage keyworking eligibility", {Role.SENIOR_PRACTITIONER, Role.AREA_ADMIN})
