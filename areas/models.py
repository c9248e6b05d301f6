"""Partnerships and areas (the tenants), per-area role grants, the base for area-owned records
and the base for per-area settings."""

from typing import ClassVar

import pghistory
from django.conf import settings
from django.db import models
from guardian.models import UserObjectPermissionBase

from areas.roles import Role


class Partnership(models.Model):
    """A grouping of areas (an ICB partnership). Kept as data: boundaries change."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """One area's Dynamic Support Register and keyworking service: the unit of tenancy."""

    ons_code = models.CharField(max_length=9, unique=True, help_text="ONS code: a stable identifier.")
    extra_ons_codes = models.JSONField(default=list, blank=True, help_text="Further ONS codes the area covers.")
    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100, unique=True)
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="areas")

    class Meta:
        ordering = ["name"]
        # The roles, held per area as object permissions on the area.
        permissions = [(role.value, role.label) for role in Role]
        default_permissions = ()

    def __str__(self) -> str:
        return self.name


@pghistory.track(pghistory.InsertEvent("role.granted"), pghistory.DeleteEvent("role.revoked"))
class AreaRoleGrant(UserObjectPermissionBase):
    """A user holding one role in one area (django-guardian's direct object permission).

    Tracked by pghistory: every grant and revocation is kept with who did it.
    """

    content_object = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="role_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants")

    class Meta(UserObjectPermissionBase.Meta):
        indexes = [models.Index(fields=["user", "content_object"])]


class AreaOwned(models.Model):
    """Base for every tenant-owned record: it carries its area, indexed, and row-level security
    (see areas.rls) limits it to the areas of the request or task that reads it."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", db_index=True)

    class Meta:
        abstract = True


class SettingsBase(models.Model):
    """Base of every per-area (or per-partnership) settings model: one row per owner, whose
    field defaults are the national defaults, and who last changed it and when.

    A missing row means "the national defaults": `areas.selectors.settings_for` reads without
    writing, and `areas.services.settings_update` (called by each app's own settings service)
    is the one way rows are written. Concrete models are tracked with `audit.history.track_changes`
    so every change keeps its history."""

    owner_field: ClassVar[str]

    changed_at = models.DateTimeField("Last changed", null=True, blank=True, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    class Meta:
        abstract = True

    @classmethod
    def setting_names(cls) -> tuple[str, ...]:
        """The fields that are settings (not the owner, the id or who last changed them)."""
        bookkeeping = {"id", cls.owner_field, "changed_at", "changed_by"}
        return tuple(field.name for field in cls._meta.concrete_fields if field.name not in bookkeeping)


class AreaSettings(SettingsBase):
    """One area's settings of one app."""

    owner_field = "area"

    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="+")

    class Meta(SettingsBase.Meta):
        abstract = True


class PartnershipSettings(SettingsBase):
    """One partnership's settings of one app."""

    owner_field = "partnership"

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="+")

    class Meta(SettingsBase.Meta):
        abstract = True
