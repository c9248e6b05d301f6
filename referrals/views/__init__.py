"""Referral pages: the public form (public.py), referring from inside the service (intake.py)
and the DSR holder's triage (triage.py)."""
