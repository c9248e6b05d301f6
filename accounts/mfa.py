"""TOTP multi-factor authentication (django-otp): enrolment and verification."""

import base64

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def device_to_enrol(user) -> TOTPDevice:
    """The user's unconfirmed device, made on first use: the secret stays the same while they
    scan it, across reloads of the enrolment page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret_for_people(device: TOTPDevice) -> str:
    """The secret as authenticator apps ask for it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code for your authenticator app")


def verify(device: TOTPDevice, token: str) -> bool:
    """Check a code; django-otp throttles repeated failures on the device itself."""
    token = token.replace(" ", "")
    return token.isdigit() and device.verify_token(token)
