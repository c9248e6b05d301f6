"""Referral forms: the referral itself (referral.py) and the triage decisions (triage.py)."""
