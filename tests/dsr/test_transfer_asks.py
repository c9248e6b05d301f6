"""Asking, from the add-a-person page, the area holding an NHS number to transfer the person:
the asker learns nothing of the record; the holder sees the ask in its transfer inbox and
requests the transfer (which answers the ask) or declines."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from areas.roles import Role
from dsr.models import Transfer, TransferAsk
from dsr.models.transfer_ask import TransferAskStatus
from dsr.services.entries import entry_update_content
from tests.factories import area, entry, sign_in, user_with_roles

ADD = reverse("dsr:person-add")
ASK = reverse("dsr:transfer-ask")
NUMBER = "9434765919"
SECRETS = ["Secret", "Canaryname", "canary-newham", "14 Mar 2009", "2009-03-14"]


@pytest.fixture
def held_in_newham():
    opened = entry(
        "newham", given_name="Secret", family_name="Canaryname", date_of_birth=date(2009, 3, 14), nhs_number=NUMBER
    )
    entry_update_content(entry=opened, opened_version=opened.version, current_issues="canary-newham")
    return opened.person


def _ask(client, message="They moved to Grays last month"):
    return client.post(
        ASK,
        {
            "nhs_number": "943 476 5919",
            "holder": area("newham").id,
            "destination": area("thurrock").id,
            "message": message,
        },
    )


def _newham(user):
    return sign_in(Client(), user)


def _add(client, nhs_number):
    details = {
        "given_name": "Robin",
        "family_name": "Newperson",
        "date_of_birth": "2012-05-17",
        "diagnosis": "autism",
        "status": "active",
        "nhs_number": nhs_number,
    }
    return client.post(ADD, details).content.decode()


def test_the_ask_button_appears_only_for_a_number_held_elsewhere(holder_client, held_in_newham):
    assert "Ask Newham to transfer them to Thurrock" in _add(holder_client, NUMBER)
    assert "to transfer them to" not in _add(holder_client, "9990000018")


def test_asking_creates_one_ask_and_shows_nothing_of_the_record(holder_client, held_in_newham, dsr_holder_thurrock):
    response = _ask(holder_client)
    page = response.content.decode()
    assert response.status_code == 200
    assert "We have asked Newham's DSR holders" in page
    assert "You will see the transfer in your" in page
    assert [secret for secret in SECRETS if secret in page] == []
    ask = TransferAsk.objects.get()
    assert (ask.area, ask.person, ask.destination, ask.asked_by) == (
        area("newham"),
        held_in_newham,
        area("thurrock"),
        dsr_holder_thurrock,
    )
    assert (ask.status, ask.message) == (TransferAskStatus.OPEN, "They moved to Grays last month")
    assert ask.events.count() == 1  # its history is kept


def test_the_asker_cannot_read_the_ask_back(holder_client, held_in_newham):
    _ask(holder_client)
    inbox = holder_client.get(reverse("dsr:transfers")).content.decode()
    assert [secret for secret in SECRETS if secret in inbox] == []
    assert "They moved to Grays" not in inbox
    decline = reverse("dsr:transfer-ask-decline", args=[TransferAsk.objects.get().pk])
    assert holder_client.get(decline).status_code == 404


def test_a_second_open_ask_is_refused_clearly(holder_client, held_in_newham):
    _ask(holder_client)
    refused = _ask(holder_client, message="Again")
    assert refused.status_code == 400
    assert "Thurrock has already asked Newham for this transfer" in refused.content.decode()
    assert TransferAsk.objects.count() == 1


def test_the_holder_requests_the_transfer_and_the_ask_is_answered(holder_client, held_in_newham, dsr_holder_newham):
    _ask(holder_client)
    newham = _newham(dsr_holder_newham)
    inbox = newham.get(reverse("dsr:transfers")).content.decode()
    assert "Asked to transfer" in inbox
    assert "Secret Canaryname" in inbox
    assert "They moved to Grays last month" in inbox
    request_url = reverse("dsr:transfer-request", args=[held_in_newham.pk])
    assert f"{request_url}?destination={area('thurrock').id}" in inbox
    form = newham.get(request_url, {"destination": area("thurrock").id}).content.decode()
    assert f'value="{area("thurrock").id}" selected' in form
    response = newham.post(request_url, {"destination": area("thurrock").id, "reason": "Moved to Thurrock"})
    assert response.status_code == 302
    ask = TransferAsk.objects.get()
    assert (ask.status, ask.answered_by) == (TransferAskStatus.TRANSFER_REQUESTED, dsr_holder_newham)
    assert Transfer.objects.get().destination == area("thurrock")
    assert "Secret Canaryname" in holder_client.get(reverse("dsr:transfers")).content.decode()  # the summary


def test_declining_closes_the_ask(holder_client, held_in_newham, dsr_holder_newham):
    _ask(holder_client)
    ask = TransferAsk.objects.get()
    newham = _newham(dsr_holder_newham)
    url = reverse("dsr:transfer-ask-decline", args=[ask.pk])
    assert "They moved to Grays last month" in newham.get(url).content.decode()
    assert newham.post(url, {"reason": ""}).status_code == 400
    assert newham.post(url, {"reason": "Still lives in Newham"}).status_code == 302
    ask.refresh_from_db()
    assert (ask.status, ask.decline_reason) == (TransferAskStatus.DECLINED, "Still lives in Newham")
    assert "Secret Canaryname" not in newham.get(reverse("dsr:transfers")).content.decode()
    assert newham.get(url).status_code == 404  # answered


def test_a_third_area_sees_nothing(holder_client, held_in_newham):
    _ask(holder_client)
    essex = sign_in(Client(), user_with_roles("dsr.essex", {"essex": [Role.DSR_HOLDER]}))
    assert "Secret" not in essex.get(reverse("dsr:transfers")).content.decode()
    decline = reverse("dsr:transfer-ask-decline", args=[TransferAsk.objects.get().pk])
    assert essex.get(decline).status_code == 404
    assert essex.post(decline, {"reason": "Not ours"}).status_code == 404
    assert TransferAsk.objects.get().status == TransferAskStatus.OPEN


def test_a_keyworker_cannot_ask(signed_in, keyworker_thurrock, held_in_newham):
    assert _ask(signed_in(keyworker_thurrock)).status_code == 404
    assert not TransferAsk.objects.exists()
