from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("mfa/", views.mfa_view, name="mfa"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign-out-everywhere"),
    path("", views.account, name="account"),
    path("api-tokens/", views.api_tokens, name="api-tokens"),
    path("api-tokens/<int:token_id>/revoke/", views.api_token_revoke_view, name="api-token-revoke"),
]
