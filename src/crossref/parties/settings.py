"""The user's say over parties: a TOML parties file and the assignments, merges and renames
made with ``crossref parties``, which the database keeps.

A parties file maps each party to the speakers it covers and to other names it goes by::

    [parties.Russia]
    aliases = ["Russian Federation", "Kremlin"]
    speakers = ["Dmitry Peskov", "Russian peacekeeping forces"]

    [parties."Karabakh Armenians"]
    speakers = ["Karabakh forces", "Arayik Harutyunyan"]

Assignments made in the database win over the file; the file wins over inference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crossref.errors import CrossrefError
from crossref.parties.countries import fold


def party_key(name: str) -> str:
    """How party and speaker names compare: case, accents and spacing folded."""
    return " ".join(fold(name).replace("defence", "defense").split())


@dataclass
class PartySettings:
    """Speaker -> party assignments and party aliases, keyed by :func:`party_key`."""

    speakers: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    def party_for(self, speaker: str | None, inferred: str | None) -> str | None:
        """The party of a speaker once the user's settings are applied."""
        if speaker:
            assigned = self.speakers.get(party_key(speaker))
            if assigned:
                return self.canonical(assigned)
        return self.canonical(inferred) if inferred else None

    def canonical(self, party: str) -> str:
        seen: set[str] = set()
        while party_key(party) in self.aliases and party_key(party) not in seen:
            seen.add(party_key(party))
            party = self.aliases[party_key(party)]
        return party

    def overlay(self, other: PartySettings) -> PartySettings:
        """These settings with ``other``'s taking precedence."""
        return PartySettings({**self.speakers, **other.speakers}, {**self.aliases, **other.aliases})


def load_parties_file(path: Path) -> PartySettings:
    """Read a parties file; a malformed one is a one-line error naming it."""
    import tomllib  # here: most commands never read a parties file

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CrossrefError(f"{path}: cannot read parties file ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CrossrefError(f"{path}: not a valid TOML parties file ({exc})") from exc
    parties = data.get("parties", {})
    if not isinstance(parties, dict):
        raise CrossrefError(f"{path}: [parties] must be a table of parties")
    settings = PartySettings()
    for party, spec in parties.items():
        if not isinstance(spec, dict):
            raise CrossrefError(f"{path}: parties.{party} must be a table with 'aliases' and/or 'speakers'")
        for kind in ("aliases", "speakers"):
            names = spec.get(kind, [])
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise CrossrefError(f"{path}: parties.{party}.{kind} must be a list of names")
            target = settings.aliases if kind == "aliases" else settings.speakers
            for name in names:
                target[party_key(name)] = party
    return settings
