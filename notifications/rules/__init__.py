"""The reminder rules: each a small declaration of what is due, when, and for whom.

A rule is a set-based SQL query, run by the sweep with `%(today)s` (and `%(open_statuses)s`,
the register's open entry statuses), that yields one row per reminder due today:

    subject_id, area_id, person_id, due_on            (and recipient_id for personal rules)

Recipients are everyone holding one of the rule's roles in the row's area at sending time; a
personal rule (a keyworker's own caseload) names its recipient, who must still hold one of the
roles there. Timings come from per-area settings (NotificationSettings, RegisterSettings and
the other apps' settings) joined in the query, never from constants.

Each app's rules live in their own module here and load only when that app's records exist.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from django.urls import NoReverseMatch, reverse

from areas.models import AreaSettings
from areas.roles import Role


@dataclass(frozen=True)
class Rule:
    code: str  # stable: part of the ledger's unique key
    kind: str  # what the reminder is about, in words with no identifiable detail (used in emails)
    roles: frozenset[Role]
    sql: str
    personal: bool = False
    link: Callable[[object], str | None] = field(default=lambda notification: None)
    params: dict = field(default_factory=dict)


_rules: dict[str, Rule] = {}
# The settings models whose tables the rules join: every area gets a row of each (the national
# defaults) before a sweep.
_settings_models: list[type[AreaSettings]] = []

# Modules of rules, each reading one app's records (in dependency order).
RULE_MODULES = (
    "notifications.rules.dsr",
    "notifications.rules.meetings",
    "notifications.rules.keyworking",
    "notifications.rules.cetr",
    "notifications.rules.referrals",
)


def register(rule: Rule) -> Rule:
    _rules[rule.code] = rule
    return rule


def needs_settings(model: type[AreaSettings]) -> None:
    """The rules join `model`'s table: the sweep first stores the national defaults for every
    area without a row."""
    if model not in _settings_models:
        _settings_models.append(model)


def settings_models() -> list[type[AreaSettings]]:
    return list(_settings_models)


def all_rules() -> list[Rule]:
    return list(_rules.values())


def get(code: str) -> Rule | None:
    return _rules.get(code)


def kind_of(code: str) -> str:
    rule = _rules.get(code)
    return rule.kind if rule else "A reminder"


def load_all() -> None:
    for module in RULE_MODULES:
        try:
            import_module(module)
        except ModuleNotFoundError as error:
            # Only a rule module missing altogether is skipped (an app's rules not written yet);
            # a broken import inside one is a real error.
            if error.name != module:
                raise


def first_url(*candidates: tuple[str, dict]) -> str | None:
    """The first of (url name, kwargs) that exists: rules link to other apps' pages, which
    may be added after the rule."""
    for name, kwargs in candidates:
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None
