"""Transfers between areas: the origin's DSR holder requests, the destination's accepts or
declines. Before acceptance the destination sees only the summary written with the request.
An area adding someone another area holds may ask that area, in the app, to request one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from areas import access
from areas.models import Area
from audit.logging import Kind, Shows, logs_reads
from dsr.capabilities import KEEP_REGISTER
from dsr.forms.events import TransferAskDeclineForm, TransferAskForm, TransferDecisionForm, TransferRequestForm
from dsr.models import Transfer, TransferAsk
from dsr.models.transfer import TransferStatus
from dsr.models.transfer_ask import TransferAskStatus
from dsr.services.transfers import (
    transfer_accept,
    transfer_ask,
    transfer_ask_decline,
    transfer_cancel,
    transfer_decline,
    transfer_request,
)
from dsr.views.common import FORM_ABOUT_PERSON, person_or_404, render_form
from web.views import add_service_errors


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def transfer_request_view(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    form = TransferRequestForm(
        request.POST or None,
        areas=list(Area.objects.exclude(pk=person.area_id)),
        initial={"destination": request.GET.get("destination")},  # from an area's ask in the inbox
    )
    if request.method == "POST" and form.is_valid():
        try:
            transfer_request(
                person=person,
                destination=form.destination_area,
                reason=form.cleaned_data["reason"],
                requested_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Transfer to {form.destination_area.name} requested. They will accept or decline."
            )
            return redirect("dsr:person", pk=person.pk)
    return render_form(request, "dsr/transfer_request.html", {"form": form, "person": person}, form=form)


def _transfers_for(user):
    """Transfers from or to the areas where the user keeps the register."""
    area_ids = access.require_any(user, KEEP_REGISTER)
    return (
        Transfer.objects.filter(Q(area_id__in=area_ids) | Q(destination_id__in=area_ids))
        .select_related("area", "destination", "requested_by", "decided_by")
        .order_by("-requested_at")
    )


@login_required
@logs_reads(
    # A transfer belongs to the holding area, outside the scope of the destination's users.
    Shows(
        "transfer",
        lambda context: context["incoming"] + context["outgoing"] + context["decided"],
        Kind.LIST,
        outside_scope=lambda context: True,
    ),
    Shows("transfer ask", "asked", Kind.LIST),
)
def transfer_inbox(request):
    transfers = list(_transfers_for(request.user)[:200])
    mine = set(access.area_ids_with(request.user, KEEP_REGISTER))
    incoming = [t for t in transfers if t.destination_id in mine and t.status == TransferStatus.REQUESTED]
    outgoing = [t for t in transfers if t.area_id in mine and t.status == TransferStatus.REQUESTED]
    decided = [t for t in transfers if t.status != TransferStatus.REQUESTED]
    asked = access.scope(
        TransferAsk.objects.filter(status=TransferAskStatus.OPEN).select_related("person", "destination", "asked_by"),
        request.user,
        KEEP_REGISTER,
    )
    return TemplateResponse(
        request,
        "dsr/transfers.html",
        {"incoming": incoming, "outgoing": outgoing, "decided": decided, "asked": list(asked[:200])},
    )


@login_required
def transfer_decide(request, transfer_id: int):
    """The destination's decision, from the request's summary alone."""
    transfer = _incoming_or_404(request, transfer_id)
    form = TransferDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                transfer_accept(transfer=transfer, decided_by=request.user, note=data["note"])
            else:
                transfer_decline(transfer=transfer, decided_by=request.user, note=data["note"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if data["decision"] == "accept":
                messages.success(
                    request, f"{transfer.summary.get('name')} is now on the {transfer.destination} register."
                )
                return redirect("dsr:person", pk=transfer.person_id)
            messages.success(request, "Transfer declined. The other area can see your note.")
            return redirect("dsr:transfers")
    return render_form(request, "dsr/transfer_decide.html", {"form": form, "transfer": transfer}, form=form)


def _incoming_or_404(request, transfer_id: int) -> Transfer:
    """A transfer waiting for a decision by one of the user's areas (the destination)."""
    incoming = access.scope(
        Transfer.objects.select_related("area", "destination", "requested_by"),
        request.user,
        KEEP_REGISTER,
        area_field="destination",
    )
    transfer = incoming.filter(pk=transfer_id, status=TransferStatus.REQUESTED).first()
    if transfer is None:
        raise Http404("No such transfer.")
    return transfer


@require_POST
@login_required
def transfer_cancel_view(request, transfer_id: int):
    transfer = access.get_or_404(
        Transfer.objects.all(), request.user, KEEP_REGISTER, pk=transfer_id, status=TransferStatus.REQUESTED
    )
    transfer_cancel(transfer=transfer, decided_by=request.user)
    messages.success(request, "Transfer request cancelled.")
    return redirect("dsr:person", pk=transfer.person_id)


@require_POST
@login_required
def transfer_ask_view(request):
    """From the duplicate notice: ask the area holding the NHS number to transfer the person to
    one of the user's. The answer shows only the areas and what the user typed."""
    destinations = access.require_any(request.user, KEEP_REGISTER)
    form = TransferAskForm(
        request.POST, holders=Area.objects.all(), destinations=Area.objects.filter(id__in=destinations)
    )
    if form.is_valid():
        try:
            transfer_ask(
                nhs_number=form.cleaned_data["nhs_number"],
                holder=form.holder_area,
                destination=form.destination_area,
                asked_by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            context = {"holder": form.holder_area, "destination": form.destination_area}
            return render(request, "dsr/transfer_asked.html", context)
    return render_form(request, "dsr/transfer_ask_refused.html", {"form": form}, form=form)


@login_required
@logs_reads(Shows("transfer ask", "ask"))
def transfer_ask_decline_view(request, ask_id: int):
    """The holding area's refusal of an open ask, with the reason."""
    ask = access.get_or_404(
        TransferAsk.objects.select_related("person", "destination", "asked_by"),
        request.user,
        KEEP_REGISTER,
        pk=ask_id,
        status=TransferAskStatus.OPEN,
    )
    form = TransferAskDeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            transfer_ask_decline(ask=ask, answered_by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{ask.destination.name}'s ask declined.")
            return redirect("dsr:transfers")
    return render_form(request, "dsr/transfer_ask_decline.html", {"form": form, "ask": ask}, form=form)
