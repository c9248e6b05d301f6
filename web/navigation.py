"""The header's menu: each app registers its entries (in its AppConfig.ready) with a test of
who sees them, so the shell needs no knowledge of the apps."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    order: int
    visible_to: Callable[[object], bool]


_entries: list[MenuEntry] = []


def register(label: str, url_name: str, *, order: int, visible_to: Callable[[object], bool]) -> None:
    if any(entry.url_name == url_name for entry in _entries):
        return  # ready() may run more than once in tests
    _entries.append(MenuEntry(label, url_name, order, visible_to))
    _entries.sort(key=lambda entry: entry.order)


def menu_for(request) -> list[dict]:
    items = []
    for entry in _entries:
        if entry.visible_to(request.user):
            url = reverse(entry.url_name)
            current = request.path == url if url == "/" else request.path.startswith(url)
            items.append({"label": entry.label, "url": url, "current": current})
    return items
