"""Family contacts and key professionals around a person."""

from django.db import models

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models.person import Person


@track_changes()
class Contact(AreaOwned):
    class Kind(models.TextChoices):
        FAMILY = "family", "Family or carer"
        PROFESSIONAL = "professional", "Key professional"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    name = models.CharField(max_length=200)
    relationship = models.CharField("Relationship or role", max_length=100, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship or self.get_kind_display()})"
