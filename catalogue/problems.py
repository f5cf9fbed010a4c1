"""What makes a catalogue unusable, each problem with its file and line.

Apart from the loader so that a terminal starting from its cached catalogue
(:mod:`kiosk.catalogue_cache`) can name the error without importing PyYAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["CatalogueError", "CatalogueProblem"]


@dataclass(frozen=True)
class CatalogueProblem:
    file: Path
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f", {self.where}" if self.where else ""
        return f"{self.file.name}, line {self.line}{where}: {self.message}"


class CatalogueError(Exception):
    """The catalogue cannot be used; ``problems`` says every reason."""

    def __init__(self, problems: list[CatalogueProblem]) -> None:
        self.problems = problems
        super().__init__(
            "The service catalogue cannot be used:\n" + "\n".join(f"  - {p}" for p in problems)
        )
