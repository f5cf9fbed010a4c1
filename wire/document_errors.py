"""A refused ``pop.submission/1`` document in our words: where, and what is wrong.

Pydantic's own messages may quote the value, which may be a citizen's data; these name the
place and the rule only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import ValidationError
from pydantic_core import ErrorDetails

__all__ = ["DocumentError", "document_errors"]


class DocumentError(ValueError):
    """The document is not a well-formed ``pop.submission/1``; the message says where."""


#: Pydantic's error types in our words (its own messages may quote the value).
_SAYS = {
    "missing": "missing",
    "string_type": "missing or not text",
    "string_unicode": "not valid Unicode",
    "int_type": "missing or not an integer",
    "model_type": "missing or not an object",
    "dict_type": "missing or not an object",
    "tuple_type": "missing or not a list",
    "string_too_long": "longer than {max_length} characters",
    "too_long": "more than {max_length} entries",
    "greater_than_equal": "less than {ge}",
    "less_than_equal": "more than {le}",
    "literal_error": "expected {expected}",
    "enum": "not one of {expected}",
}
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _where(loc: tuple[int | str, ...]) -> str:
    where = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            where += f"[{part}]"
        elif part == "[key]":
            where += ": a key"
        elif part.startswith("#"):  # a tag of the form value's union
            continue
        elif i + 1 < len(loc) and loc[i + 1] == "[key]":
            continue  # the key that is wrong: not repeated (it may be anything)
        else:
            # A key that is not a plain name is not repeated either (it cannot be shown).
            name = part if _SAFE_KEY.fullmatch(part) else "(a key)"
            where += f".{name}" if where else name
    return where or "the document"


def _say(error: ErrorDetails) -> str:
    ctx = error.get("ctx", {})
    template = _SAYS.get(error["type"])
    what = template.format(**ctx) if template else error["msg"]
    return f"{_where(error['loc'])}{ctx.get('at', '')}: {what}"


@contextmanager
def document_errors() -> Iterator[None]:
    """Pydantic's refusal as :class:`DocumentError` in our words, for building as for parsing:
    no pydantic exception leaves this module's callers' boundary."""
    try:
        yield
    except ValidationError as exc:
        # Never str(exc): it quotes the input, which may be a citizen's data.
        errors = exc.errors(include_input=False, include_url=False)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise DocumentError(_say(errors[0]) + more) from None
