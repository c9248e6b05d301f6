"""DSR MDT meeting pages: the list, planning, the agenda and attendees, discussing a case,
actions, closing, feedback, the printable record and amendments. Thin: forms check shape,
services the rules, the access layer who may see what."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from areas import access
from areas.selectors import settings_for
from audit.logging import Kind, Shows, logs_reads
from audit.settings_page import SettingsPage
from dsr.meetings import rules, selectors, services
from dsr.meetings.capabilities import FOLLOW_UP_MEETINGS, RUN_MEETINGS, VIEW_MEETINGS
from dsr.meetings.extensions import keyworking
from dsr.meetings.forms import (
    ActionForm,
    ActionStatusForm,
    AmendmentForm,
    AttendeeForm,
    DiscussionForm,
    FeedbackForm,
    MeetingForm,
    MeetingSettingsForm,
    UrgentAdditionForm,
)
from dsr.models import MeetingAction, MeetingSettings
from dsr.models.meeting import ItemStatus
from web.views import add_service_errors, page_of

PAGE_SIZE = 25


def _posted(request):
    """The form data of a POST (even an empty one, which must fail validation), else None."""
    return request.POST if request.method == "POST" else None


def _urgent_matches(context) -> list:
    return context["urgent_form"].matches if context["urgent_form"] is not None else []


# The meeting page: the register search of an urgent addition, and the agenda (removed cases too).
MEETING_PAGE = (Shows("register entry", _urgent_matches, Kind.LIST), Shows("agenda item", "agenda", Kind.LIST))


def _item_or_404(meeting, item_id: int, *, include_removed: bool = True):
    items = meeting.items.select_related("person", "entry", "rating_change", "allocation__keyworker")
    item = items.filter(pk=item_id).first()
    if item is None or (not include_removed and item.status == ItemStatus.REMOVED):
        raise Http404("No such case on this agenda.")
    item.meeting = meeting
    return item


def _back_to_meeting(meeting, anchor: str = ""):
    response = redirect("dsr:meetings:detail", pk=meeting.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
@logs_reads(Shows("feedback due", "outstanding", Kind.LIST))
def meeting_list(request):
    area_ids = access.require_any(request.user, VIEW_MEETINGS)
    page = page_of(request, selectors.meetings_for(request.user), PAGE_SIZE)
    follow_up_ids = access.area_ids_with(request.user, FOLLOW_UP_MEETINGS)
    outstanding = list(selectors.feedback_outstanding(follow_up_ids)) if follow_up_ids else []
    today = timezone.localdate()
    for item in outstanding:
        item.state = rules.feedback_state(item.feedback_due, None, today)
    context = {
        "page": page,
        "plan_areas": access.areas_with(request.user, RUN_MEETINGS),
        "outstanding": outstanding,
        "several_areas": len(area_ids) > 1,
    }
    return TemplateResponse(request, "dsr/meetings/list.html", context)


SETTINGS_PAGE = SettingsPage(
    form_class=MeetingSettingsForm,
    capability=RUN_MEETINGS,
    update=services.meeting_settings_update,
    title="MDT meeting settings",
    about=lambda area: (
        f"How {area.name} runs its DSR MDT meetings. The starting values are the national "
        "defaults. Changes apply to agendas built and meetings closed from now on."
    ),
    back=lambda request, area: ("Back to meetings", reverse("dsr:meetings:list")),
)


@login_required
def meeting_plan_view(request, slug: str):
    area = access.area_or_404(request.user, RUN_MEETINGS, slug)
    chairs = selectors.chairs(area.id)
    form = MeetingForm(_posted(request), chairs=chairs, initial={"chair": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_plan(area=area, planned_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{meeting} planned. Build its agenda next.")
            return redirect("dsr:meetings:detail", pk=meeting.pk)
    return render(request, "dsr/meetings/plan.html", {"area": area, "form": form}, status=400 if form.errors else 200)


def _urgent_form(request, meeting, data=None) -> UrgentAdditionForm:
    """The urgent addition's search and choice. The search text comes from the page's address,
    or from the posted form (its hidden `find`), so a refused post lists the same matches."""
    find = (request.GET if data is None else data).get("find", "").strip()
    return UrgentAdditionForm(
        data,
        initial={"find": find},
        entries=selectors.open_entries(meeting.area_id),
        matches=selectors.urgent_matches(meeting.area_id, find),
    )


def _detail_context(request, meeting, **forms):
    can_run = access.has_capability(request.user, RUN_MEETINGS, meeting.area_id)
    editable = can_run and not meeting.is_closed
    items = selectors.agenda(meeting, include_removed=editable)
    users = selectors.area_users(meeting.area_id)
    # Only those who can add a case search the register.
    urgent_form = forms.get("urgent_form") or (_urgent_form(request, meeting) if editable else None)
    context = {
        "meeting": meeting,
        "items": [item for item in items if item.status != ItemStatus.REMOVED],
        "removed_items": [item for item in items if item.status == ItemStatus.REMOVED],
        "attendees": selectors.attendees(meeting),
        "can_run": can_run,
        "editable": editable,
        "amendments": meeting.amendments.select_related("made_by", "item__person"),
        "attendee_form": forms.get("attendee_form") or AttendeeForm(users=users),
        "urgent_form": urgent_form,
        "urgent_match_limit": selectors.URGENT_MATCH_LIMIT,
        "amendment_form": forms.get("amendment_form") or AmendmentForm(items=items),
        "agenda": items,
    }
    return context, items


@login_required
@logs_reads(*MEETING_PAGE)
def meeting_detail(request, pk: int):
    meeting = selectors.meeting_or_404(request.user, VIEW_MEETINGS, pk)
    context, _ = _detail_context(request, meeting)
    return TemplateResponse(request, "dsr/meetings/detail.html", context)


def _run_or_404(request, pk: int):
    return selectors.meeting_or_404(request.user, RUN_MEETINGS, pk)


def _service_message(request, call, success: str) -> bool:
    """Run a service from a button: its refusal becomes an error message on the next page."""
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


@require_POST
@login_required
def meeting_start_view(request, pk: int):
    meeting = _run_or_404(request, pk)
    _service_message(
        request, lambda: services.meeting_start(meeting=meeting, started_by=request.user), "Meeting started."
    )
    return _back_to_meeting(meeting)


@require_POST
@login_required
def meeting_close_view(request, pk: int):
    meeting = _run_or_404(request, pk)
    _service_message(
        request,
        lambda: services.meeting_close(meeting=meeting, closed_by=request.user),
        "Meeting closed: the minutes are now locked. Record feedback to families and referrers.",
    )
    return _back_to_meeting(meeting)


@require_POST
@login_required
def agenda_build_view(request, pk: int):
    meeting = _run_or_404(request, pk)

    def build():
        added = services.agenda_build(meeting=meeting, built_by=request.user)
        messages.info(request, f"{added} case{'' if added == 1 else 's'} added to the agenda.")

    try:
        build()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back_to_meeting(meeting, "agenda")


def _form_post(request, meeting, form_name: str, form, call, success: str, anchor: str):
    """A form on the meeting page: on success back to the page, else the page again with errors."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return _back_to_meeting(meeting, anchor)
    context, _ = _detail_context(request, meeting, **{form_name: form})
    context["form"] = form  # the error summary shows this form's problems
    return TemplateResponse(request, "dsr/meetings/detail.html", context, status=400)


@require_POST
@login_required
@logs_reads(*MEETING_PAGE)
def agenda_add_view(request, pk: int):
    meeting = _run_or_404(request, pk)
    form = _urgent_form(request, meeting, request.POST)

    def call(data):
        services.agenda_add_urgent(meeting=meeting, entry=data["entry"], note=data["note"], added_by=request.user)

    return _form_post(
        request, meeting, "urgent_form", form, call, "Urgent addition put at the top of the agenda.", "agenda"
    )


@require_POST
@login_required
def item_remove_view(request, pk: int, item_id: int):
    meeting = _run_or_404(request, pk)
    item = _item_or_404(meeting, item_id)
    restore = request.POST.get("restore") == "1"
    action = services.agenda_restore if restore else services.agenda_remove
    _service_message(
        request,
        lambda: action(item=item),
        f"{item.person.full_name} {'put back on' if restore else 'taken off'} the agenda.",
    )
    return _back_to_meeting(meeting, "agenda")


@require_POST
@login_required
def item_move_view(request, pk: int, item_id: int):
    meeting = _run_or_404(request, pk)
    item = _item_or_404(meeting, item_id, include_removed=False)
    try:
        services.agenda_move(item=item, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back_to_meeting(meeting, f"item-{item.pk}")


@require_POST
@login_required
@logs_reads(*MEETING_PAGE)
def attendee_add_view(request, pk: int):
    meeting = _run_or_404(request, pk)
    form = AttendeeForm(request.POST, users=selectors.area_users(meeting.area_id))

    def call(data):
        services.attendee_add(meeting=meeting, user=data["user"], name=data["name"], organisation=data["organisation"])

    return _form_post(request, meeting, "attendee_form", form, call, "Attendee added.", "attendees")


@require_POST
@login_required
def attendee_remove_view(request, pk: int, attendee_id: int):
    meeting = _run_or_404(request, pk)
    attendee = meeting.attendees.filter(pk=attendee_id).first()
    if attendee is None:
        raise Http404("No such attendee.")
    attendee.meeting = meeting
    _service_message(request, lambda: services.attendee_remove(attendee=attendee), "Attendee removed.")
    return _back_to_meeting(meeting, "attendees")


def _keyworker_options(meeting):
    provider = keyworking()
    return provider.keyworker_options(meeting.area_id) if provider else []


@login_required
@logs_reads(Shows("agenda item", "item"))
def item_detail(request, pk: int, item_id: int):
    """One case at the meeting: its register summary and content, what was decided, actions."""
    meeting = selectors.meeting_or_404(request.user, VIEW_MEETINGS, pk)
    item = _item_or_404(meeting, item_id)
    can_run = access.has_capability(request.user, RUN_MEETINGS, meeting.area_id)
    options = _keyworker_options(meeting)
    initial = {
        "rating": item.rating_change.rating if item.rating_change_id else "",
        "notes": item.notes,
        "keyworking_decision": item.keyworking_decision,
        "keyworking_reason": item.keyworking_reason,
    }
    form = DiscussionForm(_posted(request), keyworker_options=options, initial=initial)
    if request.method == "POST":
        if not can_run:
            raise Http404("No such case on this agenda.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.item_discuss(
                    item=item,
                    decided_by=request.user,
                    **{
                        k: data[k]
                        for k in ("rating", "rating_reason", "notes", "keyworking_decision", "keyworking_reason")
                    },
                    keyworker_id=data["keyworker"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Discussion of {item.person.full_name} recorded.")
                return _back_to_meeting(meeting, f"item-{item.pk}")
    users = selectors.area_users(meeting.area_id)
    context = {
        "meeting": meeting,
        "item": item,
        "entry": item.entry,
        "form": form,
        "action_form": ActionForm(users=users),
        "actions": item.actions.select_related("owner"),
        "rating_history": item.entry.rating_changes.select_related("decided_by", "meeting")[:5],
        "can_run": can_run,
        "editable": can_run and not meeting.is_closed,
        "in_progress": meeting.status == "in_progress",
        "keyworking_available": keyworking() is not None,
    }
    return TemplateResponse(request, "dsr/meetings/item.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def action_add_view(request, pk: int, item_id: int):
    meeting = _run_or_404(request, pk)
    item = _item_or_404(meeting, item_id, include_removed=False)
    form = ActionForm(request.POST, users=selectors.area_users(meeting.area_id))
    if form.is_valid():
        try:
            services.action_add(item=item, created_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action added.")
            return redirect("dsr:meetings:item", pk=meeting.pk, item_id=item.pk)
    context = {
        "meeting": meeting,
        "item": item,
        "entry": item.entry,
        "form": form,
        "action_form": form,
        "actions": item.actions.select_related("owner"),
        "rating_history": item.entry.rating_changes.select_related("decided_by", "meeting")[:5],
        "can_run": True,
        "editable": not meeting.is_closed,
        "in_progress": meeting.status == "in_progress",
        "keyworking_available": keyworking() is not None,
        "discussion_hidden": True,
    }
    return render(request, "dsr/meetings/item.html", context, status=400)


@require_POST
@login_required
def action_status_view(request, action_id: int):
    action = access.get_or_404(
        MeetingAction.objects.select_related("meeting"), request.user, FOLLOW_UP_MEETINGS, pk=action_id
    )
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.action_set_status(action=action, status=form.cleaned_data["status"], note=form.cleaned_data["note"])
        messages.success(request, "Action updated.")
    else:
        messages.error(request, "Choose the action's status.")
    return redirect("dsr:meetings:item", pk=action.meeting_id, item_id=action.item_id)


@login_required
@logs_reads(Shows("meeting feedback", "items", Kind.LIST))
def feedback_view(request, pk: int):
    """Feedback to the family and the referrer: due within the area's working days."""
    meeting = selectors.meeting_or_404(request.user, VIEW_MEETINGS, pk)
    can_record = access.has_capability(request.user, FOLLOW_UP_MEETINGS, meeting.area_id)
    discussed = [item for item in selectors.agenda(meeting) if item.status == ItemStatus.DISCUSSED]
    form = FeedbackForm(_posted(request), items=discussed)
    if request.method == "POST":
        if not can_record:
            raise Http404("Nothing here for you.")
        if form.is_valid():
            data = form.cleaned_data
            item = next(item for item in discussed if item.id == data.pop("item"))
            try:
                services.feedback_record(item=item, recorded_by=request.user, **data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Feedback about {item.person.full_name} recorded.")
                return redirect("dsr:meetings:feedback", pk=meeting.pk)
    today = timezone.localdate()
    for item in discussed:
        given = {feedback.recipient: feedback for feedback in item.feedback.all()}
        item.family = given.get("family")
        item.referrer = given.get("referrer")
        item.family_state = rules.feedback_state(item.feedback_due, item.family and item.family.given_on, today)
        item.referrer_state = rules.feedback_state(item.feedback_due, item.referrer and item.referrer.given_on, today)
    settings = settings_for(MeetingSettings, meeting.area_id)
    context = {"meeting": meeting, "items": discussed, "form": form, "can_record": can_record, "settings": settings}
    return TemplateResponse(request, "dsr/meetings/feedback.html", context, status=400 if form.errors else 200)


@login_required
@logs_reads(Shows("meeting record", "items"))
def meeting_record(request, pk: int):
    """The printable meeting record: attendees, each case's decisions and actions, amendments."""
    meeting = selectors.meeting_or_404(request.user, VIEW_MEETINGS, pk)
    items = [item for item in selectors.agenda(meeting) if item.status != ItemStatus.TO_DISCUSS]
    context = {
        "meeting": meeting,
        "items": items,
        "attendees": selectors.attendees(meeting),
        "amendments": meeting.amendments.select_related("made_by", "item__person"),
    }
    return TemplateResponse(request, "dsr/meetings/record.html", context)


@require_POST
@login_required
@logs_reads(*MEETING_PAGE)
def amendment_add_view(request, pk: int):
    meeting = _run_or_404(request, pk)
    items = selectors.agenda(meeting)
    form = AmendmentForm(request.POST, items=items)

    def call(data):
        item = next((item for item in items if item.id == data["item"]), None)
        services.amendment_add(meeting=meeting, item=item, text=data["text"], made_by=request.user)

    return _form_post(request, meeting, "amendment_form", form, call, "Amendment added to the minutes.", "amendments")
