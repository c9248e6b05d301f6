"""Escalating cool-off after repeated sign-in failures (django-axes calls `cool_off`).

Five failures lock the username, and separately the client address, for 15 minutes; each
further run of five failures doubles the wait, up to a day.
"""

from datetime import timedelta

from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q

BASE_COOL_OFF = timedelta(minutes=15)
MAX_COOL_OFF = timedelta(days=1)
_DOUBLINGS_TO_MAX = 7  # 15 minutes doubled 7 times passes a day


def cool_off(request=None) -> timedelta:
    if request is None:
        return BASE_COOL_OFF
    username = request.POST.get(settings.AXES_USERNAME_FORM_FIELD, "") if request.method == "POST" else ""
    ip_address = get_client_ip_address(request)
    failures = (
        AccessAttempt.objects.filter(Q(username=username) | Q(ip_address=ip_address)).aggregate(
            most=Max("failures_since_start")
        )["most"]
        or 0
    )
    lockouts_before = min(max(0, failures // settings.AXES_FAILURE_LIMIT - 1), _DOUBLINGS_TO_MAX)
    return min(BASE_COOL_OFF * 2**lockouts_before, MAX_COOL_OFF)
