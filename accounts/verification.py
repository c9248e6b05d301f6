"""Whether a request's user has completed sign-in: MFA for sessions, a valid token for the API."""


def is_verified(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if getattr(request, "api_token", None) is not None:
        return True  # tokens are issued only to MFA-verified users and die with the account
    return user.is_verified()
