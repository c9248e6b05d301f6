"""A user's notifications (list, open, mark read or unread), their email preference, the
header's unread count, and an area's reminder settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from areas import access
from audit.logging import Kind, Shows, logs_reads
from audit.settings_page import SettingsPage
from notifications import rules
from notifications.capabilities import CONFIGURE_REMINDERS
from notifications.forms import EmailPreferenceForm, NotificationSettingsForm
from notifications.selectors import (
    email_preference,
    inbox,
    inbox_counts,
    notification_or_404,
    unread_count,
)
from notifications.services import (
    email_preference_set,
    notification_mark_read,
    notification_mark_unread,
    notification_settings_update,
    notifications_mark_all_read,
)
from web.views import page_of

PAGE_SIZE = 50
RECORD_TYPE = "notification"


def _about_people(notifications) -> list:
    # A notification names the person it is about: showing it is a read of their record.
    return [item for item in notifications if item.person_id]


def _with_kinds(notifications):
    for item in notifications:
        item.kind = rules.kind_of(item.rule)
    return notifications


@login_required
@logs_reads(Shows(RECORD_TYPE, lambda context: _about_people(context["page"].object_list), Kind.LIST))
def notification_list(request):
    unread_only = request.GET.get("show") == "unread"
    total, unread = inbox_counts(request.user)
    page = page_of(
        request, inbox(request.user, unread_only=unread_only), PAGE_SIZE, count=unread if unread_only else total
    )
    _with_kinds(page.object_list)
    context = {
        "page": page,
        "unread_only": unread_only,
        "unread": unread,
    }
    return TemplateResponse(request, "notifications/list.html", context)


@login_required
@logs_reads(Shows(RECORD_TYPE, lambda context: _about_people([context["notification"]])))
def notification_open(request, pk: int):
    """Opening a notification marks it read and goes to the item it is about (when that item
    has a page); otherwise it shows what the reminder says."""
    notification = notification_or_404(request.user, pk)
    notification_mark_read(notification=notification)
    rule = rules.get(notification.rule)
    link = rule.link(notification) if rule else None
    if link:
        return redirect(link)
    notification.kind = rules.kind_of(notification.rule)
    return TemplateResponse(request, "notifications/detail.html", {"notification": notification})


@require_POST
@login_required
def notification_read(request, pk: int):
    notification_mark_read(notification=notification_or_404(request.user, pk))
    return redirect(_back(request))


@require_POST
@login_required
def notification_unread(request, pk: int):
    notification_mark_unread(notification=notification_or_404(request.user, pk))
    messages.success(request, "Notification marked as unread.")
    return redirect(_back(request))


@require_POST
@login_required
def notification_read_all(request):
    count = notifications_mark_all_read(notifications=inbox(request.user))
    messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read.")
    return redirect("notifications:list")


def _back(request) -> str:
    """Back to the list as it was (unread only or all), never to another site."""
    return "notifications:list" if request.POST.get("show") != "unread" else "/notifications/?show=unread"


@require_GET
@login_required
def unread_count_fragment(request):
    """The header's count, fetched by htmx after the page loads, so no page pays for it."""
    return render(request, "notifications/partials/count.html", {"unread": unread_count(request.user)})


@login_required
def preferences(request):
    current = email_preference(request.user)
    form = EmailPreferenceForm(request.POST if request.method == "POST" else None, initial={"email": current.email})
    if request.method == "POST" and form.is_valid():
        email_preference_set(user=request.user, email=form.cleaned_data["email"])
        messages.success(request, "Your email preference has been saved.")
        return redirect("notifications:preferences")
    context = {"form": form, "has_email": bool(request.user.email)}
    return render(request, "notifications/preferences.html", context, status=400 if form.errors else 200)


@login_required
def settings_index(request):
    areas = access.areas_with(request.user, CONFIGURE_REMINDERS)
    if not areas:
        raise Http404("Nothing here for you.")
    if len(areas) == 1:
        return redirect("notifications:settings", slug=areas[0].slug)
    return render(request, "notifications/settings_index.html", {"areas": areas})


SETTINGS_PAGE = SettingsPage(
    form_class=NotificationSettingsForm,
    capability=CONFIGURE_REMINDERS,
    update=notification_settings_update,
    title="Reminder settings",
    about=lambda area: (
        "How far ahead reminders come, and how often oversight visits fall due. Review intervals "
        "by rating, the consent re-check interval and the age of the adults' register are register settings."
    ),
)
