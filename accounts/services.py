"""Changes to users' sign-in state."""

from django.db import transaction
from django.db.models import F

from accounts.models import User
from accounts.tokens import api_tokens_revoke_all


def user_sign_out_everywhere(*, user: User) -> None:
    """End every session of the user, on every device, from their next request."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)


@transaction.atomic
def user_disable(*, user: User) -> None:
    """Disable an account: its sessions and API tokens stop working at once."""
    User.objects.filter(pk=user.pk).update(is_active=False, session_epoch=F("session_epoch") + 1)
    api_tokens_revoke_all(user=user)
