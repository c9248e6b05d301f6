"""The rule registry fails loudly: a rule module that is missing, or a rule linking to a page
the site does not have, is an error at start-up, never a rule or a link silently left out."""

import pytest
from django.core.checks import Tags, run_checks
from django.urls import NoReverseMatch

from notifications import rules


def notification_errors() -> list[str]:
    return [error.id for error in run_checks(tags=[Tags.urls]) if error.id.startswith("notifications.")]


def test_a_missing_rule_module_stops_start_up(monkeypatch):
    monkeypatch.setattr(rules, "RULE_MODULES", (*rules.RULE_MODULES, "notifications.rules.no_such_app"))
    with pytest.raises(ModuleNotFoundError, match="no_such_app"):
        rules.load_all()


def test_every_page_the_rules_link_to_exists():
    assert rules._pages  # the rules declared their pages when they loaded
    assert notification_errors() == []


@pytest.mark.parametrize("name", ["dsr:no-such-page", "no-such-app:person", "dsr:meetings:no-such-page"])
def test_a_rule_linking_to_a_page_that_does_not_exist_fails_the_start_up_checks(monkeypatch, name):
    monkeypatch.setattr(rules, "_pages", set(rules._pages))
    url = rules.page(name)
    assert notification_errors() == ["notifications.E001"]
    with pytest.raises(NoReverseMatch):
        url(pk=1)
