"""The one place where keyworking (an app above the register) plugs into the meetings.

The meetings need three things that keyworking owns: agenda candidates (people eligible but not
allocated, allocations due for review), the keyworkers a chair can choose from with their
caseloads, and carrying out a keyworking decision (allocate, keep, close). Keyworking registers
a provider in its AppConfig.ready, so nothing here imports upwards. Without a provider the
meetings simply offer no keyworking decisions.
"""

from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class AgendaCandidate:
    entry_id: int
    reason: str  # an AgendaReason value


@dataclass(frozen=True)
class KeyworkerOption:
    user_id: int
    name: str
    cases: int
    weight: int

    @property
    def label(self) -> str:
        return f"{self.name} – {self.cases} case{'' if self.cases == 1 else 's'}, weight {self.weight}"


class KeyworkingProvider(Protocol):
    def agenda_candidates(self, area_id: int, on: date) -> list[AgendaCandidate]: ...

    def keyworker_options(self, area_id: int) -> list[KeyworkerOption]: ...

    def carry_out(self, *, item, decision: str, keyworker_id: int | None, reason: str, decided_by):
        """Do what the meeting decided; return the allocation made or ended, if any. Raises
        ValidationError (the whole discussion is then not saved) when it cannot be done."""


_provider: KeyworkingProvider | None = None


def register(provider: KeyworkingProvider) -> None:
    global _provider
    _provider = provider


def keyworking() -> KeyworkingProvider | None:
    return _provider
