"""Sign-in, MFA enrolment and verification, sign-out, the account page and API tokens."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accounts import mfa
from accounts.forms import ApiTokenForm, CodeForm, SignInForm
from accounts.middleware import SIGNED_IN_AT_KEY
from accounts.models import ApiToken
from accounts.services import user_sign_out_everywhere
from accounts.tokens import api_token_create, api_token_revoke


def _safe_next(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class SignInView(LoginView):
    """Step one: username and password (django-axes counts failures). Step two is MFA."""

    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = False

    def form_valid(self, form):
        response = super().form_valid(form)  # login() gives the session a new key
        self.request.session[SIGNED_IN_AT_KEY] = timezone.now().timestamp()
        return response

    def get_success_url(self):
        next_url = _safe_next(self.request, reverse("areas:home"))
        return f"{reverse('accounts:mfa')}?{urlencode({'next': next_url})}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["expired"] = "expired" in self.request.GET
        return context


@login_required
def mfa_view(request):
    """Step two: verify a code, or enrol an authenticator app on first sign-in."""
    next_url = _safe_next(request, reverse("areas:home"))
    if request.user.is_verified():
        return redirect(next_url)
    device = mfa.confirmed_device(request.user)
    enrolling = device is None
    if enrolling:
        device = mfa.device_to_enrol(request.user)
    form = CodeForm(request.POST or None, check=lambda code: mfa.verify(device, code))
    if request.method == "POST" and form.is_valid():
        if enrolling:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(next_url)
    context = {"form": form, "next": next_url, "enrolling": enrolling}
    if enrolling:
        context |= {"qr_code": mfa.qr_code_svg(device), "secret": mfa.secret_for_people(device)}
    return render(request, "accounts/mfa.html", context, status=400 if form.errors else 200)


@require_POST
def sign_out(request):
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("accounts:sign-in")


@require_POST
@login_required
def sign_out_everywhere(request):
    user_sign_out_everywhere(user=request.user)
    logout(request)
    messages.success(request, "You have been signed out on every device.")
    return redirect("accounts:sign-in")


@login_required
def account(request):
    return render(request, "accounts/account.html", {"tokens": request.user.api_tokens.all()})


@login_required
def api_tokens(request):
    """Create a personal API token: only from an MFA-verified session (the middleware sees to that)."""
    form = ApiTokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        token, raw = api_token_create(
            user=request.user, name=form.cleaned_data["name"], lifetime_days=form.cleaned_data["lifetime_days"]
        )
        created = {"token": token, "raw": raw}
        form = ApiTokenForm()
    context = {"form": form, "created": created, "tokens": request.user.api_tokens.all()}
    return render(request, "accounts/api_tokens.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def api_token_revoke_view(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    api_token_revoke(token=token)
    messages.success(request, f"Token “{token.name}” revoked.")
    return redirect("accounts:api-tokens")
