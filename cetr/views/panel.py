"""A review's panel, and its case papers behind the consent gate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from areas import access
from audit.logging import Shows, logs_reads
from cetr import selectors
from cetr.capabilities import MANAGE_CETRS
from cetr.forms import PanelMemberForm, PaperForm
from cetr.models import PanelMember, Review
from cetr.services.panel import panel_member_add, panel_member_remove, panel_member_set_access, paper_add
from cetr.views.common import form_page
from web.views import add_service_errors


@login_required
@logs_reads(Shows("C(E)TR", "review"))
def panel_add(request, pk: int):
    review = access.get_or_404(Review.objects.select_related("person", "area"), request.user, MANAGE_CETRS, pk=pk)
    form = PanelMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = panel_member_add(review=review, user=data.pop("username"), **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{member.name} added to the panel as {member.role_label}.")
            return redirect("cetr:review", pk=review.pk)
    return form_page(request, "cetr/panel_add.html", {"review": review, "form": form})


def _member(request, pk: int, member_id: int) -> PanelMember:
    return access.get_or_404(
        PanelMember.objects.select_related("review"), request.user, MANAGE_CETRS, pk=member_id, review_id=pk
    )


@require_POST
@login_required
def panel_access(request, pk: int, member_id: int):
    member = _member(request, pk, member_id)
    grant = request.POST.get("papers_access") == "on"
    try:
        panel_member_set_access(member=member, papers_access=grant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        verb = "may now open" if grant else "can no longer open"
        messages.success(request, f"{member.name} {verb} the case papers (while consent stands).")
    return redirect("cetr:review", pk=pk)


@require_POST
@login_required
def panel_remove(request, pk: int, member_id: int):
    member = _member(request, pk, member_id)
    try:
        panel_member_remove(member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{member.name} removed from the panel.")
    return redirect("cetr:review", pk=pk)


@login_required
@logs_reads(
    Shows(
        "C(E)TR case papers",
        lambda context: None if context["papers"].refused else context["papers"].review,
        # The log row belongs to the review's area, outside a panel member's own scope.
        outside_scope=lambda context: context["papers"].as_panel_member,
    )
)
def papers_view(request, pk: int):
    """The case papers. Panel members from outside the area are refused, with the reason,
    until a consent or best-interests decision is recorded (cetr.selectors.case_papers)."""
    papers = selectors.case_papers(request.user, pk)
    may_manage = not papers.as_panel_member and access.has_capability(request.user, MANAGE_CETRS, papers.review.area_id)
    form = PaperForm(request.POST or None) if may_manage else None
    if request.method == "POST":
        if form is None:
            return redirect("cetr:papers", pk=pk)
        if form.is_valid():
            try:
                paper_add(review=papers.review, added_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Paper added to the case papers.")
                return redirect("cetr:papers", pk=pk)
    if papers.refused:
        return TemplateResponse(request, "cetr/papers_refused.html", {"papers": papers}, status=403)
    return form_page(request, "cetr/papers.html", {"papers": papers, "form": form, "may_manage": may_manage})


@login_required
def panels(request):
    """The C(E)TR panels the user sits on with access to the papers, in any area."""
    return render(request, "cetr/panels.html", {"places": selectors.panel_places(request.user)})
