"""Subject access: everything held about one person, from every app.

Generic on purpose: any area-owned model with a foreign key to the person is included, found
through the app registry, so keyworking, C(E)TR and referral records appear once those apps
exist. Change-history copies are left out (they repeat the records); the record is read in the
caller's scope, so it shows what the person's current area holds.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db import models
from pghistory.models import Event

from areas.models import AreaOwned
from dsr.models import Person


@dataclass(frozen=True)
class Section:
    key: str  # app_label.model
    title: str
    records: list[list[tuple[str, str, object]]]  # per record: (field name, label, value)


def _person_links(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.is_relation and f.related_model is Person and f.many_to_one]


def person_models() -> list[type[models.Model]]:
    """Area-owned models (other than Person) that point at a person, in app registry order."""
    found = []
    for model in apps.get_models():
        if model is Person or issubclass(model, Event) or not issubclass(model, AreaOwned):
            continue
        if _person_links(model):
            found.append(model)
    return found


def _value(record, field: models.Field):
    if field.choices:
        return getattr(record, f"get_{field.name}_display")()
    if field.is_relation:
        related = getattr(record, field.name)
        return None if related is None else str(getattr(related, "display_name", related))
    value = getattr(record, field.attname)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not (f.is_relation and f.related_model is Person)]


def _describe(record) -> list[tuple[str, str, object]]:
    return [(f.name, str(f.verbose_name).capitalize(), _value(record, f)) for f in _fields(type(record))]


def subject_access(person: Person) -> list[Section]:
    sections = [Section("dsr.person", "Person", [_describe(person)])]
    for model in person_models():
        links = _person_links(model)
        condition = models.Q()
        for link in links:
            condition |= models.Q(**{link.name: person})
        related = [f.name for f in _fields(model) if f.is_relation and f.many_to_one]
        records = model.objects.filter(condition).select_related(*related).order_by("pk")
        sections.append(
            Section(
                model._meta.label_lower,
                str(model._meta.verbose_name_plural).capitalize(),
                [_describe(r) for r in records],
            )
        )
    return sections


def as_json(sections: list[Section], *, person: Person, generated_by, generated_at) -> dict:
    return {
        "subject": {"person_id": person.id, "name": person.full_name},
        "generated_at": generated_at.isoformat(),
        "generated_by": generated_by.username,
        "records": {
            section.key: [{name: value for name, _, value in record} for record in section.records]
            for section in sections
        },
    }
