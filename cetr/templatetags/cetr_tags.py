"""Tags for C(E)TR pages: statuses as NHS.UK tags."""

from django import template
from django.utils.html import format_html

register = template.Library()

REVIEW_COLOURS = {
    "requested": "grey",
    "scheduled": "blue",
    "held": "yellow",
    "report_issued": "green",
    "cancelled": "white",
}
ACTION_COLOURS = {
    "open": "grey",
    "in_progress": "blue",
    "done": "green",
    "not_accepted": "white",
    "escalated": "red",
}


def _tag(label: str, colour: str):
    return format_html('<strong class="nhsuk-tag nhsuk-tag--{}">{}</strong>', colour, label)


@register.simple_tag
def review_status(review):
    status = review.status
    return _tag(status.label, REVIEW_COLOURS[status.value])


@register.simple_tag
def action_status(action):
    return _tag(action.get_status_display(), ACTION_COLOURS[action.status])
