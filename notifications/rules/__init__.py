"""The reminder rules: each a small declaration of what is due, when, and for whom.

A rule is a set-based SQL query, run by the sweep with `%(today)s` (and `%(open_statuses)s`,
the register's open entry statuses), that yields one row per reminder due today:

    subject_id, area_id, person_id, due_on            (and recipient_id for personal rules)

Recipients are everyone holding one of the rule's roles in the row's area at sending time; a
personal rule (a keyworker's own caseload) names its recipient, who must still hold one of the
roles there. Timings come from per-area settings (NotificationSettings, RegisterSettings and
the other apps' settings) joined in the query, never from constants.

Each app's rules live in their own module here, listed in RULE_MODULES: a module missing from
the list's place is an error, as is a rule linking to a page (a URL name) the site does not have
(checked at start-up by `check_pages`, a system check that `migrate`, `runserver` and `check` run).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from django.core import checks
from django.urls import get_resolver, reverse

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
# The URL names of the pages the rules link to (see `page`).
_pages: set[str] = set()

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
        import_module(module)


def page(name: str) -> Callable[..., str]:
    """page(url name) -> url(**kwargs): a page the rules link to. Declared when the rule module
    loads, so that start-up can check it exists (`check_pages`); a link to it that cannot be
    made raises NoReverseMatch rather than leaving the reminder without a link."""
    _pages.add(name)
    return lambda **kwargs: reverse(name, kwargs=kwargs)


def _url_name_exists(name: str) -> bool:
    *namespaces, view_name = name.split(":")
    resolver = get_resolver()
    for namespace in namespaces:
        if namespace not in resolver.namespace_dict:
            return False
        resolver = resolver.namespace_dict[namespace][1]
    return view_name in resolver.reverse_dict


def check_pages(app_configs=None, **kwargs) -> list[checks.Error]:
    """System check: every page a rule links to is in the URLconf."""
    return [
        checks.Error(f"A reminder rule links to the page {name!r}, which has no URL.", id="notifications.E001")
        for name in sorted(_pages)
        if not _url_name_exists(name)
    ]
