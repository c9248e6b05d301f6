"""Transfers through the pages: the origin requests, the destination sees the summary only and
decides; after acceptance the origin gets 404 and the destination the whole record."""

from django.test import Client
from django.urls import reverse

from dsr.models import Transfer
from dsr.models.transfer import TransferStatus
from dsr.services.entries import entry_update_content
from dsr.services.transfers import transfer_request
from tests.factories import area, entry, sign_in


def _request(holder_client, opened):
    return holder_client.post(
        reverse("dsr:transfer-request", args=[opened.person_id]),
        {"destination": area("newham").id, "reason": "Family moved to Newham"},
    )


def test_the_origin_requests_and_the_destination_accepts(holder_client, signed_in, dsr_holder_newham):
    opened = entry(given_name="Moving", family_name="Person")
    entry_update_content(entry=opened, opened_version=opened.version, current_issues="canary-thurrock content")
    assert _request(holder_client, opened).status_code == 302
    transfer = Transfer.objects.get()
    newham = sign_in(Client(), dsr_holder_newham)
    inbox = newham.get(reverse("dsr:transfers")).content.decode()
    assert "Moving Person" in inbox
    decide_url = reverse("dsr:transfer-decide", args=[transfer.pk])
    summary = newham.get(decide_url).content.decode()
    assert "Family moved to Newham" in summary
    assert "canary-thurrock" not in summary
    assert newham.get(reverse("dsr:person", args=[opened.person_id])).status_code == 404  # not until accepted
    response = newham.post(decide_url, {"decision": "accept"})
    assert response.status_code == 302
    assert response.url == reverse("dsr:person", args=[opened.person_id])
    assert "canary-thurrock content" in newham.get(response.url).content.decode()
    assert holder_client.get(reverse("dsr:person", args=[opened.person_id])).status_code == 404
    assert Transfer.objects.get().status == TransferStatus.ACCEPTED


def test_declining_needs_a_note_that_the_origin_then_sees(holder_client, signed_in, dsr_holder_newham):
    opened = entry()
    _request(holder_client, opened)
    transfer = Transfer.objects.get()
    newham = sign_in(Client(), dsr_holder_newham)
    url = reverse("dsr:transfer-decide", args=[transfer.pk])
    refused = newham.post(url, {"decision": "decline", "note": ""})
    assert refused.status_code == 400
    assert "Say why the transfer is declined" in refused.content.decode()
    newham.post(url, {"decision": "decline", "note": "Not resident here"})
    assert "Not resident here" in holder_client.get(reverse("dsr:transfers")).content.decode()
    assert holder_client.get(reverse("dsr:person", args=[opened.person_id])).status_code == 200


def test_the_origin_cannot_decide_its_own_request(holder_client, dsr_holder_thurrock):
    opened = entry()
    transfer = transfer_request(
        person=opened.person, destination=area("newham"), reason="r", requested_by=dsr_holder_thurrock
    )
    assert (
        holder_client.post(reverse("dsr:transfer-decide", args=[transfer.pk]), {"decision": "accept"}).status_code
        == 404
    )


def test_a_third_area_sees_nothing(signed_in, dsr_holder_thurrock):
    from areas.roles import Role
    from tests.factories import user_with_roles

    opened = entry()
    transfer = transfer_request(
        person=opened.person, destination=area("newham"), reason="r", requested_by=dsr_holder_thurrock
    )
    essex = sign_in(Client(), user_with_roles("dsr.essex", {"essex": [Role.DSR_HOLDER]}))
    assert opened.person.full_name not in essex.get(reverse("dsr:transfers")).content.decode()
    assert essex.get(reverse("dsr:transfer-decide", args=[transfer.pk])).status_code == 404


def test_the_origin_can_cancel_a_waiting_request(holder_client):
    opened = entry()
    _request(holder_client, opened)
    transfer = Transfer.objects.get()
    holder_client.post(reverse("dsr:transfer-cancel", args=[transfer.pk]))
    assert Transfer.objects.get().status == TransferStatus.CANCELLED


def test_a_transfer_to_the_same_area_is_refused(holder_client):
    opened = entry()
    response = holder_client.post(
        reverse("dsr:transfer-request", args=[opened.person_id]), {"destination": area("thurrock").id, "reason": "x"}
    )
    assert response.status_code == 400
    assert not Transfer.objects.exists()
