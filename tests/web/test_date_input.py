"""The shared date picker (web.forms.DateInput): a browser's <input type=date> takes its value
only in ISO form (YYYY-MM-DD); a value in the locale's form (17/05/2012) is dropped, so a form
shown again with a date would come back empty."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import entry, person


def date_shown(response, name: str) -> str | None:
    """The value of the page's date picker `name` (None when it has none)."""
    field = re.search(rf'<input type="date" name="{name}"[^>]*>', response.content.decode())
    value = re.search(r'value="([^"]*)"', field.group()) if field else None
    return value and value.group(1)


@pytest.fixture
def holder(dsr_holder_thurrock):
    return dsr_holder_thurrock


def test_editing_a_persons_details_shows_their_date_of_birth_in_the_date_picker(signed_in, holder):
    someone = person("thurrock", date_of_birth=date(2012, 5, 17))
    response = signed_in(holder).get(reverse("dsr:person-edit", args=[someone.pk]))
    assert date_shown(response, "date_of_birth") == "2012-05-17"


def test_a_rating_form_sent_back_with_an_error_still_shows_its_date(signed_in, holder):
    rated = entry("thurrock")
    page = reverse("dsr:rating", args=[rated.person_id])
    client = signed_in(holder)
    assert date_shown(client.get(page), "decided_on") == timezone.localdate().isoformat()
    response = client.post(page, {"rating": "red", "reason": "", "decided_on": "2026-03-04"})
    assert response.status_code == 400
    assert date_shown(response, "decided_on") == "2026-03-04"
