"""The health document's one typed model: what the terminal makes parses, anything else is
a HealthError — never another exception, whatever the bytes."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wire.health import (
    MAX_REASON,
    Connection,
    HealthError,
    TerminalHealth,
    parse_health,
    reason,
)


def test_a_report_round_trips() -> None:
    report = TerminalHealth(
        "0.1.0",
        Connection.REFUSED,
        depth=4,
        oldest_age_s=3600.5,
        dead_letters=1,
        last_dead_letter="HTTP 422 invalid-submission (3 tries)",
        held=1,
        held_reason="proxy/hub refuses: HTTP 413 (not the hub's answer)",
        storage_ok=False,
        outbox_problem="disk full",
        delivery_worker="recovering after 2 faults (bug: KeyError)",
        card_reader_worker="running",
        threads_died="1 (last: camera: bug: OSError)",
        camera="not_found",
    )
    assert parse_health(report.to_json()) == report


def test_reason_makes_any_text_fit() -> None:
    text = reason("a\nb\x00c\u2028" + "ü" * 500)
    assert len(text) == MAX_REASON and "\n" not in text and "\x00" not in text
    report = TerminalHealth("0.1.0", Connection.ONLINE, 0, 0.0, 0, last_dead_letter=text)
    assert parse_health(report.to_json()).last_dead_letter == text


_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=300),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
_FIELDS = [*json.loads(TerminalHealth("1", Connection.ONLINE, 0, 0.0, 0).to_json())]


@given(raw=st.binary(max_size=300))
def test_any_bytes_are_a_report_or_a_health_error(raw: bytes) -> None:
    with contextlib.suppress(HealthError):
        parse_health(raw)


@given(field=st.sampled_from([*_FIELDS, "other"]), value=_JSON)
@settings(max_examples=300)
def test_any_field_value_is_a_report_or_a_health_error(field: str, value: Any) -> None:
    doc = json.loads(TerminalHealth("1", Connection.ONLINE, 0, 0.0, 0).to_json())
    doc[field] = value
    with contextlib.suppress(HealthError):
        parse_health(json.dumps(doc).encode("utf-8", "surrogatepass"))
