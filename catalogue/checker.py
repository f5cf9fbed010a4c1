"""Reading a catalogue's YAML nodes: each problem with its file, line and place.

The catalogue's checks (:mod:`catalogue.loader`) are written against :class:`Checker`, which
reads typed values out of the composed YAML tree (where every node knows its line) and collects
the problems instead of stopping at the first, so that one edit can fix them all. Pydantic is
not used here: it validates plain data, after the lines are gone, and the messages would have
to be mapped back; the terminal also loads the catalogue before its first frame, where
pydantic's import (~0.1 s) is not affordable.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import yaml

from catalogue.model import EMPTY_TEXT, LocalText
from catalogue.problems import CatalogueError, CatalogueProblem

_E = TypeVar("_E", bound=StrEnum)
#: Identifiers: service ids, page and field keys, choice values, icon names.
ID_RE = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")


class Checker:
    """Reads YAML nodes, collecting every problem with its line instead of stopping."""

    def __init__(
        self, path: Path, languages: tuple[str, ...], known_icons: Collection[str] | None = None
    ) -> None:
        self.path = path
        self.languages = languages
        self.known_icons = known_icons
        self.problems: list[CatalogueProblem] = []

    def problem(self, node: yaml.Node, where: str, message: str) -> None:
        self.problems.append(CatalogueProblem(self.path, node.start_mark.line + 1, where, message))

    # --- node helpers ----------------------------------------------------------------------

    def mapping(self, node: yaml.Node, where: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, where, "expected a set of 'name: value' entries here")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                self.problem(key_node, where, f"'{key}' is given twice")
            out[key] = value_node
        return out

    def sequence(self, node: yaml.Node, where: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, where, "expected a list ('- ...' entries) here")
            return []
        return list(node.value)

    def scalar(self, node: yaml.Node, where: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, where, "expected a single value here")
            return None
        return str(node.value)

    def text(
        self, m: dict[str, yaml.Node], key: str, owner: yaml.Node, where: str, required: bool = True
    ) -> LocalText:
        """A text given per language: ``{de: ..., en: ...}``."""
        node = m.get(key)
        if node is None:
            if required:
                self.problem(owner, where, f"'{key}' is missing (a text per language)")
            return EMPTY_TEXT
        texts = self.mapping(node, f"{where}.{key}")
        if texts is None:
            return EMPTY_TEXT
        values: list[tuple[str, str]] = []
        for lang, value_node in texts.items():
            value = self.scalar(value_node, f"{where}.{key}.{lang}")
            if lang not in self.languages:
                self.problem(
                    value_node,
                    f"{where}.{key}",
                    f"language '{lang}' is not one of the catalogue's languages",
                )
            elif value is not None:
                values.append((lang, value.strip()))
        for lang in self.languages:
            if lang not in texts:
                self.problem(node, f"{where}.{key}", f"the text in language '{lang}' is missing")
        return LocalText(tuple(values), self.languages[0] if self.languages else "de")

    def integer(
        self,
        m: dict[str, yaml.Node],
        key: str,
        where: str,
        default: int | None,
        low: int | None = None,
        high: int | None = None,
    ) -> int | None:
        node = m.get(key)
        if node is None:
            return default
        raw = self.scalar(node, where)
        try:
            value = int(raw or "")
        except ValueError:
            self.problem(node, where, f"'{key}' must be a whole number, not '{raw}'")
            return default
        if low is not None and value < low:
            self.problem(node, where, f"'{key}' must be at least {low}")
            return default
        if high is not None and value > high:
            self.problem(node, where, f"'{key}' must be at most {high}")
            return default
        return value

    def number(self, m: dict[str, yaml.Node], key: str, where: str) -> float | None:
        node = m.get(key)
        if node is None:
            return None
        raw = self.scalar(node, where)
        try:
            return float(raw or "")
        except ValueError:
            self.problem(node, where, f"'{key}' must be a number, not '{raw}'")
            return None

    def boolean(self, m: dict[str, yaml.Node], key: str, where: str, default: bool) -> bool:
        node = m.get(key)
        if node is None:
            return default
        raw = (self.scalar(node, where) or "").lower()
        if raw in ("true", "yes"):
            return True
        if raw in ("false", "no"):
            return False
        self.problem(node, where, f"'{key}' must be true or false, not '{raw}'")
        return default

    def allowed_keys(self, m: dict[str, yaml.Node], allowed: set[str], where: str) -> None:
        for key, node in m.items():
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.problem(node, where, f"'{key}' is not a known entry here (known: {hint})")

    def identifier(self, m: dict[str, yaml.Node], key: str, owner: yaml.Node, where: str) -> str:
        node = m.get(key)
        if node is None:
            self.problem(owner, where, f"'{key}' is missing")
            return ""
        value = self.scalar(node, where) or ""
        if not ID_RE.match(value):
            self.problem(
                node,
                where,
                f"'{key}' must be lower-case letters, digits, '-' or '_' "
                f"and start with a letter, not '{value}'",
            )
        return value

    def enum(self, node: yaml.Node, enum: type[_E], where: str, what: str) -> _E | None:
        raw = self.scalar(node, where)
        if raw is None:
            return None
        try:
            return enum(raw)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.problem(node, where, f"the {what} '{raw}' is unknown; use one of: {allowed}")
            return None


def iter_problems(error: CatalogueError) -> Iterator[str]:
    """The problems as lines for a log or a technician's screen."""
    for p in error.problems:
        yield str(p)
