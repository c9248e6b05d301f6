"""Referring from inside the service: professionals with an account, to the area where the
young person lives."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from areas import access
from referrals.capabilities import MAKE_REFERRALS
from referrals.forms.referral import ProfessionalReferralForm
from referrals.models import ReferralStatus, Source
from referrals.selectors import referrals_made_by
from referrals.services.intake import referral_submit
from web.views import add_service_errors


@login_required
def new(request):
    access.require_any(request.user, MAKE_REFERRALS)
    initial = {"referrer_name": request.user.display_name, "referrer_email": request.user.email}
    form = ProfessionalReferralForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        area = form.cleaned_data["area"]
        try:
            referral = referral_submit(area=area, source=Source.IN_APP, referred_by=request.user, **form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Referral {referral.reference} sent to {area.name}.")
            return redirect("referrals:mine")
    return render(request, "referrals/new.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def mine(request):
    access.require_any(request.user, MAKE_REFERRALS)
    made = referrals_made_by(request.user)
    for referral in made:
        referral["status_label"] = ReferralStatus(referral["status"]).label
    return render(request, "referrals/mine.html", {"referrals": made})
