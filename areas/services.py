"""Granting and revoking roles in an area; writing per-area settings."""

from collections.abc import Iterable
from typing import TypeVar

import pghistory
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from areas.models import Area, SettingsBase
from areas.roles import Role

S = TypeVar("S", bound=SettingsBase)


def _permission(role: Role) -> str:
    return f"areas.{role.value}"


@transaction.atomic
def role_grant(*, area: Area, user, role: Role) -> None:
    """Give `user` the role in `area` (no-op if they hold it). pghistory records who did it."""
    assign_perm(_permission(role), user, area)


@transaction.atomic
def role_revoke(*, area: Area, user, role: Role) -> None:
    """Take the role away; it stops working on the user's next request."""
    remove_perm(_permission(role), user, area)


def settings_locked(model: type[S], owner) -> S:
    """The owner's settings row, locked until the transaction ends; stored first with the
    national defaults if the owner has none (INSERT … ON CONFLICT DO NOTHING, so two callers
    at once cannot both make it). For writes that must see the settings stay put."""
    key = f"{model.owner_field}_id"
    owner_id = owner if isinstance(owner, int) else owner.pk
    model.objects.bulk_create([model(**{key: owner_id})], ignore_conflicts=True)
    return model.objects.select_for_update().get(**{key: owner_id})


@transaction.atomic
def settings_update(model: type[S], owner, *, user, **changes) -> S:
    """Change the owner's settings: the one way settings rows are written, called by each app's
    settings service. Refuses names that are not settings (ValueError) and values the model
    refuses (ValidationError, with nothing written). Records who changed them and when, on the
    row and in its history (the pghistory context carries the user)."""
    unknown = set(changes) - set(model.setting_names())
    if unknown:
        raise ValueError(f"Not {model._meta.verbose_name_plural}: {sorted(unknown)}")
    current = settings_locked(model, owner)
    for name, value in changes.items():
        setattr(current, name, value)
    current.changed_by = user
    current.changed_at = timezone.now()
    current.full_clean(exclude=[model.owner_field, "changed_by"])
    with pghistory.context(user=user.pk if user else None):
        current.save()
    return current


def settings_ensure(model: type[SettingsBase], owner_ids: Iterable[int]) -> None:
    """Store the national defaults for every owner without a row (for tasks whose SQL joins
    the settings tables)."""
    key = f"{model.owner_field}_id"
    model.objects.bulk_create([model(**{key: owner_id}) for owner_id in owner_ids], ignore_conflicts=True)
