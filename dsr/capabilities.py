"""What each role may do with the register (see areas.roles.Capability)."""

from areas.roles import Capability, Role

# See that a person is on the register, with their summary (name, age, rating, status).
VIEW_REGISTER = Capability(
    "view the register",
    {Role.DSR_HOLDER, Role.MDT_CHAIR, Role.KEYWORKER, Role.SENIOR_PRACTITIONER, Role.CETR_COORDINATOR},
)
# See the whole record: case content, contacts, consent, episodes, history. Keyworkers see it
# for their own caseload only, through the keyworking app.
VIEW_RECORD = Capability(
    "view whole register records",
    {Role.DSR_HOLDER, Role.MDT_CHAIR, Role.SENIOR_PRACTITIONER, Role.CETR_COORDINATOR},
)
# Keep the register: add, edit, consent, admissions, removal, transfers, import, export.
KEEP_REGISTER = Capability("keep the register", {Role.DSR_HOLDER})
# Decide ratings (outside meetings the DSR holder; in meetings the chair).
RATE = Capability("record rating decisions", {Role.DSR_HOLDER, Role.MDT_CHAIR})
# The area's register settings (review intervals, post-discharge hold, consent re-check, ages).
# DSR holders, not area admins: these are decisions about how the register is run, and area
# admins only manage who holds which role.
REGISTER_SETTINGS = KEEP_REGISTER
