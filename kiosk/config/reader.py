"""Typed values out of the parsed TOML, each problem collected in the technician's words.

Hand-written rather than a pydantic model: the configuration is read before the terminal's
first frame, where pydantic's import (~0.1 s, a third of the start-up budget) is not
affordable, and these few lines already give every message its table, key and allowed values.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any


class Reader:
    """Reads typed values out of the parsed TOML, collecting problems instead of stopping."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.problems: list[str] = []
        self.seen: set[tuple[str, str]] = set()

    def table(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            problem = f"[{name}] must be a table, not a single value"
            if problem not in self.problems:
                self.problems.append(problem)
            return {}
        return value

    def get(self, table: str, key: str, kind: type, default: Any) -> Any:
        self.seen.add((table, key))
        values = self.table(table)
        if key not in values:
            return default
        value = values[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            self.problems.append(
                f"[{table}] {key} = {value!r}: must be {_KIND_WORDS.get(kind, kind.__name__)}"
            )
            return default
        return value

    def choice(self, table: str, key: str, enum: type[StrEnum], default: StrEnum) -> Any:
        value = self.get(table, key, str, default.value)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(f'"{m.value}"' for m in enum)
            self.problems.append(f'[{table}] {key} = "{value}": must be one of {allowed}')
            return default

    def unknown_keys(self) -> None:
        for table, values in self.data.items():
            if not isinstance(values, dict):
                if not any(t == table for t, _ in self.seen):
                    self.problems.append(f"{table} = ...: unknown setting at the top level")
                continue
            for key in values:
                if (table, key) not in self.seen:
                    self.problems.append(f"[{table}] {key}: unknown setting (a typo?)")


_KIND_WORDS: dict[type, str] = {
    str: "text in quotes",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: 'a list like ["de", "en"]',
}


def has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def resolve(base: Path, text: str) -> Path:
    p = Path(text).expanduser()
    return p if p.is_absolute() else (base / p).resolve()
