"""Subject access: everything held about one person, from every app, audited."""

from django.urls import reverse
from django.utils import timezone

from audit.models import AccessLogEntry
from dsr.models import Allocation, Contact, Rating
from dsr.services.contacts import contact_add
from dsr.services.entries import entry_update_content
from dsr.subject_access import person_models
from tests.factories import UserFactory, entry


def test_every_area_owned_model_pointing_at_a_person_is_included():
    labels = {model._meta.label for model in person_models()}
    assert {
        "dsr.RegisterEntry",
        "dsr.RatingChange",
        "dsr.ConsentRecord",
        "dsr.Contact",
        "dsr.Allocation",
        "dsr.InpatientEpisode",
        "dsr.Transfer",
    } <= labels
    assert not any(label.endswith("Event") for label in labels)


def test_the_json_download_holds_the_record_and_is_audited(holder_client, dsr_holder_thurrock):
    opened = entry(rating=Rating.RED)
    entry_update_content(entry=opened, opened_version=opened.version, current_issues="canary-thurrock")
    contact_add(person=opened.person, kind=Contact.Kind.FAMILY, name="Pat Parent")
    Allocation.objects.create(
        area=opened.area,
        person=opened.person,
        entry=opened,
        keyworker=UserFactory(username="kw1"),
        eligible_since=timezone.localdate(),
        allocated_by=dsr_holder_thurrock,
    )
    response = holder_client.get(reverse("dsr:subject-access-json", args=[opened.person_id]))
    data = response.json()
    assert response["Content-Disposition"].startswith("attachment")
    assert data["records"]["dsr.person"][0]["given_name"] == "Alex"
    assert data["records"]["dsr.registerentry"][0]["current_issues"] == "canary-thurrock"
    assert data["records"]["dsr.contact"][0]["name"] == "Pat Parent"
    assert data["records"]["dsr.ratingchange"][0]["rating"].startswith("Red")
    assert data["records"]["dsr.allocation"][0]["keyworker"]
    log = AccessLogEntry.objects.get(user=dsr_holder_thurrock, kind="export")
    assert (log.record_type, log.person_ids) == ("subject access", [opened.person_id])


def test_the_printable_page_shows_the_same(holder_client):
    opened = entry()
    entry_update_content(entry=opened, opened_version=opened.version, current_issues="canary-thurrock")
    page = holder_client.get(reverse("dsr:subject-access", args=[opened.person_id])).content.decode()
    assert "Everything held about Alex Testperson" in page
    assert "canary-thurrock" in page


def test_other_areas_and_other_roles_get_404(signed_in, dsr_holder_newham, chair_thurrock):
    opened = entry()
    url = reverse("dsr:subject-access-json", args=[opened.person_id])
    assert signed_in(dsr_holder_newham).get(url).status_code == 404
    assert signed_in(chair_thurrock).get(url).status_code == 404
