"""Editing details and case content: the second of two overlapping saves is refused and shown
what changed, never silently overwritten."""

from django.urls import reverse

from dsr.models import Person, RegisterEntry
from tests.factories import entry, sign_in


def _case(opened, issues, version):
    return {"current_issues": issues, "tried": "", "could_help": "", "action_plan": "", "version": version}


def test_the_case_content_is_saved(holder_client):
    opened = entry()
    response = holder_client.post(reverse("dsr:case-edit", args=[opened.person_id]), _case(opened, "Crisis", 1))
    assert response.status_code == 302
    assert RegisterEntry.objects.get(pk=opened.pk).current_issues == "Crisis"


def test_a_second_overlapping_save_is_refused_with_what_changed(client, holder_client, dsr_holder_thurrock):
    opened = entry()
    url = reverse("dsr:case-edit", args=[opened.person_id])
    colleague = sign_in(client.__class__(), dsr_holder_thurrock)
    assert 'value="1" id="id_version"' in holder_client.get(url).content.decode()
    assert colleague.post(url, _case(opened, "Placement unstable", 1)).status_code == 302
    refused = holder_client.post(url, _case(opened, "School exclusion", 1))
    page = refused.content.decode()
    assert refused.status_code == 409
    assert "Changed since you opened it" in page
    assert "Placement unstable" in page  # what the colleague saved
    assert "School exclusion" in page  # what this user typed is kept in the form
    assert RegisterEntry.objects.get(pk=opened.pk).current_issues == "Placement unstable"
    # Having seen the other change, the user may save deliberately with the new version.
    assert holder_client.post(url, _case(opened, "School exclusion", 2)).status_code == 302


def test_person_details_overlap_is_refused_too(holder_client):
    opened = entry(postcode="RM17 5AA")
    url = reverse("dsr:person-edit", args=[opened.person_id])
    details = {
        "given_name": "Alex",
        "family_name": "Testperson",
        "date_of_birth": "2012-05-17",
        "diagnosis": "autism",
        "postcode": "SS0 0AA",
        "version": 1,
    }
    assert holder_client.post(url, details).status_code == 302
    refused = holder_client.post(url, {**details, "postcode": "CM1 1AA"})
    assert refused.status_code == 409
    assert "RM17 5AA" in refused.content.decode()
    assert "SS0 0AA" in refused.content.decode()
    assert Person.objects.get(pk=opened.person_id).postcode == "SS0 0AA"


def test_an_invalid_nhs_number_on_edit_is_explained(holder_client):
    opened = entry()
    response = holder_client.post(
        reverse("dsr:person-edit", args=[opened.person_id]),
        {
            "given_name": "A",
            "family_name": "B",
            "date_of_birth": "2012-05-17",
            "diagnosis": "autism",
            "nhs_number": "123",
            "version": 1,
        },
    )
    assert response.status_code == 400
    assert "10 digits" in response.content.decode()


def test_keyworkers_and_other_areas_cannot_edit(signed_in, keyworker_thurrock, dsr_holder_newham):
    opened = entry()
    url = reverse("dsr:case-edit", args=[opened.person_id])
    assert signed_in(keyworker_thurrock).get(url).status_code == 404
    assert signed_in(dsr_holder_newham).post(url, _case(opened, "x", 1)).status_code == 404
    assert RegisterEntry.objects.get(pk=opened.pk).current_issues == ""
