"""Family contacts and key professionals around a person."""

from django.db import transaction

from dsr.models import Contact, Person

CONTACT_FIELDS = ("kind", "name", "relationship", "organisation", "phone", "email", "notes")


@transaction.atomic
def contact_add(*, person: Person, **details) -> Contact:
    contact = Contact(area_id=person.area_id, person=person, **details)
    contact.full_clean(exclude=["area", "person"])
    contact.save()
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, **details) -> Contact:
    for name, value in details.items():
        if name not in CONTACT_FIELDS:
            raise ValueError(f"Not a contact field: {name}")
        setattr(contact, name, value)
    contact.full_clean(exclude=["area", "person"])
    contact.save(update_fields=list(details))
    return contact


@transaction.atomic
def contact_remove(*, contact: Contact) -> None:
    contact.delete()  # the change history keeps what it said
