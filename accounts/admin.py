"""User administration for superusers. Tenant records are deliberately not in the admin."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import User


@admin.register(User)
class KeyworkingUserAdmin(UserAdmin):
    readonly_fields = ("session_epoch", "last_login", "date_joined")
