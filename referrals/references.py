"""Reference numbers for referrals: short enough to read out on the phone, random enough that
one cannot be guessed from another (REF-7K4M-2Q9P)."""

import re
import secrets

# No 0/O, 1/I/L or U: nothing that reads or sounds like something else.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_PATTERN = re.compile(rf"^REF-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def new_reference() -> str:
    """About 39 bits of randomness: unique per referral (the database checks)."""
    characters = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"REF-{characters[:4]}-{characters[4:]}"


def normalise_reference(text: str) -> str | None:
    """A reference as someone might type or read it ('ref 7k4m 2q9p') in its stored form, or
    None if it cannot be one."""
    compact = re.sub(r"[\s\-]", "", text or "").upper().removeprefix("REF")
    candidate = f"REF-{compact[:4]}-{compact[4:]}"
    return candidate if _PATTERN.match(candidate) else None
