"""The information governance lead's access log search, and the page every per-area settings
model is changed on (it says who last changed them, from their change history)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from areas import access
from areas.roles import READ_AUDIT
from audit.forms import AccessLogSearchForm
from audit.selectors import access_log
from web.views import page_of

PAGE_SIZE = 50


@login_required
def access_log_view(request):
    access.require_any(request.user, READ_AUDIT)
    form = AccessLogSearchForm(request.GET or None, areas=access.areas_with(request.user, READ_AUDIT))
    entries = access_log(request.user, **form.cleaned_data) if form.is_valid() else access_log(request.user)
    context = {"form": form, "page": page_of(request, entries, PAGE_SIZE)}
    return render(request, "audit/access_log.html", context, status=400 if form.errors else 200)
