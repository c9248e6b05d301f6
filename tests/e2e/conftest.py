"""Browser journeys: Playwright for Python driving Debian's Chromium against a live server.

Every page visited is checked with axe-core (no serious or critical WCAG 2.2 AA violations)
and must raise no Content-Security-Policy violation; a screenshot of each is saved under
test-results/screenshots/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import sync_playwright

from areas.rls import system_scope
from tests.factories import PASSWORD, user_with_roles

AXE_SOURCE = (Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    # Playwright's synchronous API keeps an event loop in this thread; the test's own ORM calls
    # (setting up data) are synchronous all the same. Set for the journeys only: never where
    # a deployment check could see it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is needed for the browser journeys: `make test` installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


class Journey:
    """A browser tab on the live server that checks every page it lands on."""

    def __init__(self, page, base_url: str, name: str):
        self.page, self.base_url, self.name = page, base_url, name
        self.step = 0
        self.csp_violations: list[str] = []
        page.on("console", self._watch_console)

    def _watch_console(self, message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.csp_violations.append(message.text)

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check()

    def check(self):
        """Accessibility and CSP checks, and a screenshot, of the page now shown."""
        self.page.wait_for_load_state("load")
        self.step += 1
        slug = re.sub(r"[^a-z0-9]+", "-", self.page.url.split("//", 1)[-1].split("/", 1)[-1].lower()).strip("-")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{self.name}-{self.step:02d}-{slug or 'home'}.png", full_page=True)
        self.page.evaluate(AXE_SOURCE)
        result = self.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        serious = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            + ", ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in result["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        assert not serious, f"{self.page.url}: {serious}"
        assert not self.csp_violations, f"{self.page.url}: {self.csp_violations}"

    def submit(self, button_text: str = "Continue"):
        self.page.get_by_role("button", name=button_text).click()
        self.check()

    def sign_in(self, user):
        self.goto("/accounts/sign-in/")
        self.page.get_by_label("Username").fill(user.username)
        self.page.get_by_label("Password").fill(PASSWORD)
        self.submit()
        with system_scope():
            device = TOTPDevice.objects.get(user=user, confirmed=True)
        self.page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
        self.submit()


@pytest.fixture
def journey(browser, live_server, request):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield Journey(page, live_server.url, request.node.name.removeprefix("test_"))
    context.close()


@pytest.fixture
def cast():
    """Users for the journeys, committed so the live server sees them."""

    def make(username, roles, **kwargs):
        with system_scope():
            return user_with_roles(username, roles, **kwargs)

    return make
