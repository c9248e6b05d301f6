"""Locust users for `make bench` (scripts/bench.sh). Each virtual user signs in as one demo user
through the real sign-in and MFA pages, then opens that role's pages, from the plan written by
`manage.py bench_pages plan` (BENCH_PLAN), with a short think time (BENCH_THINK seconds, a
range like "0.5-1.5"). The statistics start once everyone has signed in, so password hashing
at sign-in is not counted against the pages. Runs outside Django: no settings are imported.
"""
# ruff: noqa: S311 - picking the next page to open, not a secret

import itertools
import json
import os
import random
import re
from pathlib import Path

from django_otp.oath import totp  # a plain function: needs no Django settings
from locust import HttpUser, between, task

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
THINK = [float(part) for part in os.environ.get("BENCH_THINK", "0.5-1.5").split("-")]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_numbers = itertools.count()
_signed_in = itertools.count(1)


class DemoUser(HttpUser):
    wait_time = between(*THINK)

    def on_start(self):
        self.planned = PLAN["users"][next(_numbers) % len(PLAN["users"])]
        self._post_form("/accounts/sign-in/", {"username": self.planned["username"], "password": PLAN["password"]})
        self._post_form("/accounts/mfa/", {"code": f"{totp(bytes.fromhex(PLAN['totp_key'])):06d}"})
        if next(_signed_in) == len(PLAN["users"]):
            self.environment.runner.stats.reset_all()

    def _post_form(self, path: str, data: dict) -> None:
        page = self.client.get(path, name="sign-in")
        token = CSRF.search(page.text)
        if token is None:
            raise RuntimeError(f"No form at {path} for {self.planned['username']}")
        self.client.post(path, data | {"csrfmiddlewaretoken": token.group(1)}, name="sign-in")

    @task
    def open_a_page(self):
        name = random.choice(list(self.planned["pages"]))
        url = random.choice(self.planned["pages"][name])
        # A redirect here would be the sign-in page: a failure, not a fast page.
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {self.planned['username']}")
