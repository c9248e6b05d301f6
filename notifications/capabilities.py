"""What each role may do with reminders (see areas.roles.Capability). Every signed-in user sees
and manages their own notifications; no capability is needed for that."""

from areas.roles import Capability, Role

# Set how far ahead an area's reminders come and how often oversight visits fall due.
CONFIGURE_REMINDERS = Capability("configure the area's reminders", {Role.AREA_ADMIN, Role.DSR_HOLDER})
