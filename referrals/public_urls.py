"""The public referral form at /refer/: no sign-in, no record data (see views/public.py)."""

from django.urls import path

from referrals.views import public

app_name = "refer"

urlpatterns = [
    path("", public.start, name="start"),
    path("<slug:slug>/", public.referral_form, name="form"),
    path("<slug:slug>/sent/<str:token>/", public.sent, name="sent"),
]
