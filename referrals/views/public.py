"""The public referral form, for young people, parents and carers and professionals without an
account. No sign-in; shows no record data, only the reference of the referral just sent.

Its defences against hostile input, in the order they run on a POST: the declared body size
(before anything reads the body), a per-address rate limit, CSRF, then validation with a
honeypot field and a minimum fill time. Nothing is stored unless all of them pass."""

from axes.helpers import get_client_ip_address
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from areas.models import Area
from referrals import protection
from referrals.forms.referral import PublicReferralForm
from referrals.models import Source
from referrals.selectors import public_areas, public_settings
from referrals.services.intake import referral_submit
from web.views import add_service_errors

_SENT_SALT = "referrals.public-form.sent"
_SENT_MAX_AGE_SECONDS = 60 * 60
# Django's own CSRF check, run by hand at the right moment (see referral_form).
_csrf = CsrfViewMiddleware(lambda request: None)


@never_cache
@require_GET
def start(request):
    """Choose the area by where the young person lives (a GET form: nothing is sent)."""
    areas = list(public_areas())
    chosen = request.GET.get("area")
    if chosen is not None:
        if chosen in {area.slug for area in areas}:
            return redirect("refer:form", slug=chosen)
        context = {"areas": areas, "error": "Choose the area where the young person lives"}
        return render(request, "referrals/public/start.html", context, status=400)
    return render(request, "referrals/public/start.html", {"areas": areas})


def _form(area: Area, settings, data=None) -> PublicReferralForm:
    return PublicReferralForm(
        data,
        area_slug=area.slug,
        minimum_seconds=settings.public_minimum_fill_seconds,
        maximum_age=settings.maximum_age,
    )


def _page(request, area, settings, form, *, status=200):
    context = {"area": area, "settings": settings, "form": form, "weeks": _weeks(settings.decision_target_days)}
    return render(request, "referrals/public/form.html", context, status=status)


def sent_token(*, area_slug: str, reference: str) -> str:
    """The signed part of the thank-you page's address: the reference, bound to its area."""
    return signing.dumps({"area": area_slug, "reference": reference}, salt=_SENT_SALT)


def _weeks(days: int) -> int:
    return max(1, round(days / 7))


# CSRF is still enforced: Django's middleware check is deferred (csrf_exempt) and run by hand
# below, after the size and rate checks, so that an oversized or flooding request is refused
# before anything reads its body.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def referral_form(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    settings = public_settings(area)
    if not settings.public_form_open:
        return render(request, "referrals/public/closed.html", {"area": area, "settings": settings})
    if request.method == "GET":
        return _page(request, area, settings, _form(area, settings))
    if protection.body_too_large(request):
        return render(request, "referrals/public/too_large.html", {"area": area}, status=413)
    client_ip = get_client_ip_address(request)
    if not protection.submission_allowed(
        area_id=area.id, client_ip=client_ip, per_hour=settings.public_submissions_per_hour
    ):
        response = render(request, "referrals/public/too_many.html", {"area": area, "settings": settings}, status=429)
        response["Retry-After"] = str(protection.RATE_WINDOW_SECONDS)
        return response
    refused = _csrf.process_view(request, None, (), {})
    if refused is not None:
        return refused
    form = _form(area, settings, request.POST)
    if form.is_valid():
        try:
            # referral_submit writes under area_scope([area.id]), never system_scope: this
            # request has no user and so no areas of its own; see the service for why.
            referral = referral_submit(area=area, source=Source.PUBLIC, **form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # The request's transaction (areas.middleware) commits before this redirect is
            # sent: if the commit failed, the referrer would get an error, never a reference
            # for a referral that was not kept.
            token = sent_token(area_slug=area.slug, reference=referral.reference)
            return redirect("refer:sent", slug=area.slug, token=token)
    form.refresh_started()
    return _page(request, area, settings, form, status=400)


@never_cache
@require_GET
def sent(request, slug: str, token: str):
    """The thank-you page: the reference (carried, signed, in the address) and what happens
    next. It reads no referral, so it can show nothing else."""
    area = get_object_or_404(Area, slug=slug)
    try:
        sent_referral = signing.loads(token, salt=_SENT_SALT, max_age=_SENT_MAX_AGE_SECONDS)
    except signing.BadSignature:
        raise Http404("This page has expired.") from None
    if not isinstance(sent_referral, dict) or sent_referral.get("area") != area.slug:
        raise Http404("This page has expired.")
    settings = public_settings(area)
    context = {
        "area": area,
        "reference": sent_referral["reference"],
        "settings": settings,
        "weeks": _weeks(settings.decision_target_days),
    }
    return render(request, "referrals/public/sent.html", context)
