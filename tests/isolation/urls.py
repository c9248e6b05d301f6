"""Every URL the application serves, read from the URL configuration."""

from dataclasses import dataclass

from django.urls import URLResolver, get_resolver


@dataclass(frozen=True)
class Served:
    route: str  # e.g. "register/people/<int:pk>/"
    name: str  # namespaced, e.g. "dsr:person"


def served_urls() -> list[Served]:
    """All named URLs except Django's admin, which only superusers reach and which holds no
    tenant records (nothing area-owned is registered there)."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield Served(prefix + str(pattern.pattern), name)

    return [served for served in walk(get_resolver().url_patterns) if not served.route.startswith("admin/")]
