"""What the terminal offers citizens: the catalogue and the languages (all the attract screen
needs, so it is loaded before anything else at start)."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalogue.model import Catalogue
from catalogue.problems import CatalogueError
from kiosk.catalogue_cache import load_catalogue

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.config import KioskConfig

__all__ = ["Offer", "load_offer"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Offer:
    """What the citizen is offered: the catalogue and the languages both it and the
    configuration have (the attract screen needs nothing else)."""

    catalogue: Catalogue
    languages: tuple[str, ...]
    default_language: str


def load_offer(
    config: KioskConfig, known_icons: Collection[str] | None, cache: Path | None
) -> Offer | None:
    """The catalogue checked and the configured languages; None (the problems logged) if the
    terminal has nothing it may offer."""
    try:
        catalogue = load_catalogue(config.catalogue_path, known_icons, cache)
    except CatalogueError as exc:
        for problem in exc.problems:
            log.error("catalogue: %s", problem)
        return None
    # Every configured language is offered: the screens speak it, and a service the town
    # hall has not written in it falls back to the catalogue's own (and says so).
    languages = tuple(config.languages)
    if not any(lang in catalogue.languages for lang in languages):
        log.error(
            "catalogue: none of the configured languages %s is in the catalogue",
            ",".join(config.languages),
        )
        return None
    # (The configuration's default is one of its languages: its loader and the hub's
    # overlay both see to that.)
    return Offer(catalogue, languages, config.default_language)
