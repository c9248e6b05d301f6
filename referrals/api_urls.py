from django.urls import path

from referrals.api import ReferralDetailView, ReferralListView

urlpatterns = [
    path("referrals/", ReferralListView.as_view(), name="api-referrals"),
    path("referrals/<str:reference>/", ReferralDetailView.as_view(), name="api-referral"),
]
