"""Users and their personal API tokens."""

import hashlib

import pghistory
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac


@pghistory.track(
    pghistory.InsertEvent(),
    pghistory.UpdateEvent(),
    exclude=["password", "last_login"],
)
class User(AbstractUser):
    """A person who signs in. What they may see comes from their role grants per area."""

    # Raised to end every session of the user at once ("sign out everywhere", disabling).
    session_epoch = models.PositiveIntegerField(default=0)

    def _get_session_auth_hash(self, secret=None):
        # Django keeps a session only while this hash matches the one stored at sign-in; folding
        # the epoch into it means raising the epoch invalidates every existing session.
        return salted_hmac(
            "accounts.User.session",
            f"{self.password}:{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), exclude=["last_used_at"])
class ApiToken(models.Model):
    """A personal token for scripts and other systems, sent as `Authorization: Bearer <token>`.

    Only a SHA-256 digest is stored: the token itself is shown once, when it is created.
    """

    PREFIX = "kw_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="The first characters, to recognise the token by.")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")), name="token_expires_after_creation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def digest_of(raw_token: str) -> str:
        return hashlib.sha256(raw_token.encode()).hexdigest()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now() and self.user.is_active
