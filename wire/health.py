"""A terminal's health report to the hub (``pop.health/1``): what the fleet page shows.

Plain JSON, UTF-8, sent with ``PUT /api/v1/terminals/{terminal_id}/health``
(:data:`wire.api.HEALTH_PATH`), *not sealed*: it holds no personal data, only counts, states
and short reasons the terminal builds itself ("HTTP 422 invalid-submission", "running after 2
faults (bug: KeyError)")::

    {
      "schema": "pop.health/1",
      "software_version": "0.1.0",
      "connection": "online" | "offline" | "refused" | "unknown",
      "depth": 3, "oldest_age_s": 125.0,
      "dead_letters": 1, "last_dead_letter": "HTTP 422 invalid-submission",
      "held": 0, "held_reason": "",
      "storage_ok": true, "outbox_problem": "",
      "delivery_worker": "running", "card_reader_worker": "running",
      "threads_died": "",
      "report_interval_s": 300,
      "orders_done": [7], "disabled": false,
      "uptime_s": 86400.0, "printer": "paper_low", "card_reader": "ready",
      "config_version": "7"
    }

:func:`parse_health` is the one typed model: it returns :class:`TerminalHealth` or raises
:class:`HealthError` — nothing else, whatever the bytes. Texts are bounded and free of control
characters; the terminal cuts its own texts with :func:`reason` before sending, so its report
always parses. Messages name the field, never the value.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from wire.report_interval import MAX_REPORT_INTERVAL_S, MIN_REPORT_INTERVAL_S

SCHEMA = "pop.health/1"
#: The largest health document (it is a few hundred bytes).
MAX_HEALTH_BYTES = 8 * 1024
#: A reason or worker state: short, non-personal text.
MAX_REASON = 200
MAX_VERSION = 64
#: A device's state word ("paper_out").
MAX_STATE = 32
#: A self-test's checks, and what each may come to.
MAX_CHECKS = 16
CHECK_RESULTS = ("ok", "failed", "skipped")
#: A time as seconds since the epoch: up to the year 2100.
MAX_EPOCH_S = 4_102_444_800.0
#: Bounds of the counts and ages: far beyond any real terminal, well inside SQLite and JSON.
MAX_COUNT = 10_000_000
MAX_AGE_S = 10 * 365 * 86400.0
#: The hub stores at most one report per terminal in this many seconds; the terminal sends no
#: more often than this.
MIN_INTERVAL_S = 10.0
#: Orders confirmed in one report (wire.orders: the hub sends at most 16 at a time).
MAX_ORDERS_DONE = 64
#: The part name of a health report in the hub's acknowledgement (see wire.api).
HEALTH_PART_NAME = "health"

_VERSION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class Connection(StrEnum):
    UNKNOWN = "unknown"
    ONLINE = "online"
    OFFLINE = "offline"
    REFUSED = "refused"


class HealthError(ValueError):
    """The document is not a health report; the message names the field."""


@dataclass(frozen=True)
class TerminalHealth:
    software_version: str
    connection: Connection
    depth: int
    oldest_age_s: float
    dead_letters: int
    last_dead_letter: str = ""
    held: int = 0
    held_reason: str = ""
    storage_ok: bool = True
    outbox_problem: str = ""
    delivery_worker: str = ""
    card_reader_worker: str = ""
    threads_died: str = ""
    #: The camera: "ready", "not_found", "stalled", "starting"; "" for a terminal without one.
    camera: str = ""
    #: How often this terminal reports when nothing changes: the hub flags it after a few
    #: missed reports.
    report_interval_s: float = 300.0
    #: The hub's orders (wire.orders) carried out since the last report that got through.
    orders_done: tuple[int, ...] = ()
    #: Out of order by the hub's order (its out-of-order screen shows).
    disabled: bool = False
    #: Seconds since the terminal's program started.
    uptime_s: float = 0.0
    #: The receipt printer ("ready", "paper_low", "paper_out", "cover_open", "offline", "error",
    #: "unknown") and the card reader ("ready", "no_reader", "failed"); "" before they exist.
    printer: str = ""
    card_reader: str = ""
    #: Which configuration the terminal runs: the hub's configuration version, if it has one,
    #: and its catalogue's version ("3 · 2026-11"; "" before it is loaded).
    config_version: str = ""
    #: The hub's newest configuration refused or not fetched, and why ("": none).
    config_problem: str = ""
    #: The last self-test: when (seconds since the epoch, 0: none yet) and each check's name,
    #: result ("ok", "failed", "skipped") and a short detail.
    self_test_at: float = 0.0
    self_test: tuple[tuple[str, str, str], ...] = ()

    def to_json(self) -> bytes:
        doc: dict[str, Any] = {"schema": SCHEMA, **asdict(self)}
        doc["connection"] = self.connection.value
        doc["orders_done"] = list(self.orders_done)
        doc["self_test"] = [list(check) for check in self.self_test]
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def reason(text: str) -> str:
    """``text`` as a report may carry it: control characters replaced, cut to the bound."""
    text = _CONTROL_RE.sub(" ", text)
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def _text(doc: dict[str, Any], key: str, limit: int = MAX_REASON) -> str:
    value = doc.get(key, "")
    if not isinstance(value, str) or len(value) > limit or _CONTROL_RE.search(value):
        raise HealthError(f"{key}: text of at most {limit} characters without control characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise HealthError(f"{key}: not valid text") from None
    return value


def _count(doc: dict[str, Any], key: str) -> int:
    value = doc.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise HealthError(f"{key}: a whole number from 0 to {MAX_COUNT}")
    return value


def _seconds(
    doc: dict[str, Any], key: str, low: float = 0.0, high: float = MAX_AGE_S, default: float = 0.0
) -> float:
    value = doc.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise HealthError(f"{key}: a number of seconds")
    value = float(value)
    if not math.isfinite(value) or not low <= value <= high:
        raise HealthError(f"{key}: seconds from {low:.0f} to {high:.0f}")
    return value


def parse_health(raw: bytes) -> TerminalHealth:
    """The typed report, or :class:`HealthError` (the only exception this raises)."""
    if len(raw) > MAX_HEALTH_BYTES:
        raise HealthError(f"the document: at most {MAX_HEALTH_BYTES} bytes")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise HealthError("not UTF-8 JSON") from exc
    if not isinstance(doc, dict):
        raise HealthError("the document: a JSON object")
    if doc.get("schema") != SCHEMA:
        raise HealthError(f"schema: expected {SCHEMA}")
    missing = [k for k in OPENAPI_SCHEMA["required"] if k not in doc]
    if missing:
        raise HealthError("missing: " + ", ".join(missing))
    unknown = set(doc) - {"schema", *TerminalHealth.__dataclass_fields__}
    if unknown:
        raise HealthError("unknown fields: " + ", ".join(sorted(unknown))[:200])
    version = doc.get("software_version")
    if not isinstance(version, str) or not _VERSION_RE.fullmatch(version):
        raise HealthError("software_version: a version such as 1.2.3")
    connection = doc.get("connection")
    if not isinstance(connection, str) or connection not in {c.value for c in Connection}:
        raise HealthError("connection: one of " + ", ".join(c.value for c in Connection))
    storage_ok = doc.get("storage_ok", True)
    if not isinstance(storage_ok, bool):
        raise HealthError("storage_ok: true or false")
    disabled = doc.get("disabled", False)
    if not isinstance(disabled, bool):
        raise HealthError("disabled: true or false")
    done = doc.get("orders_done", [])
    if (
        not isinstance(done, list)
        or len(done) > MAX_ORDERS_DONE
        or not all(isinstance(n, int) and not isinstance(n, bool) and 0 < n < 2**53 for n in done)
    ):
        raise HealthError(f"orders_done: at most {MAX_ORDERS_DONE} order numbers")
    return TerminalHealth(
        software_version=version,
        connection=Connection(connection),
        depth=_count(doc, "depth"),
        oldest_age_s=_seconds(doc, "oldest_age_s"),
        dead_letters=_count(doc, "dead_letters"),
        last_dead_letter=_text(doc, "last_dead_letter"),
        held=_count(doc, "held"),
        held_reason=_text(doc, "held_reason"),
        storage_ok=storage_ok,
        outbox_problem=_text(doc, "outbox_problem"),
        delivery_worker=_text(doc, "delivery_worker"),
        card_reader_worker=_text(doc, "card_reader_worker"),
        camera=_text(doc, "camera"),
        threads_died=_text(doc, "threads_died"),
        report_interval_s=_seconds(
            doc, "report_interval_s", MIN_REPORT_INTERVAL_S, MAX_REPORT_INTERVAL_S, 300.0
        ),
        orders_done=tuple(done),
        disabled=disabled,
        uptime_s=_seconds(doc, "uptime_s"),
        printer=_text(doc, "printer", MAX_STATE),
        card_reader=_text(doc, "card_reader", MAX_STATE),
        config_version=_text(doc, "config_version", MAX_VERSION),
        config_problem=_text(doc, "config_problem"),
        self_test_at=_seconds(doc, "self_test_at", high=MAX_EPOCH_S),
        self_test=_self_test(doc),
    )


def _self_test(doc: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    value = doc.get("self_test", [])
    if not isinstance(value, list) or len(value) > MAX_CHECKS:
        raise HealthError(f"self_test: at most {MAX_CHECKS} checks")
    checks = []
    for item in value:
        if (
            not isinstance(item, list)
            or len(item) != 3
            or not all(isinstance(part, str) for part in item)
            or len(item[0]) > MAX_STATE
            or item[1] not in CHECK_RESULTS
            or len(item[2]) > MAX_REASON
            or any(_CONTROL_RE.search(part) for part in item)
        ):
            raise HealthError("self_test: [name, ok|failed|skipped, detail] each")
        checks.append((item[0], item[1], item[2]))
    return tuple(checks)


#: The OpenAPI schema of the document (the hub's spec; schemathesis generates from it).
OPENAPI_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["schema", "software_version", "connection", "depth", "oldest_age_s"],
    "additionalProperties": False,
    "properties": {
        "schema": {"type": "string", "enum": [SCHEMA]},
        "software_version": {"type": "string", "pattern": _VERSION_RE.pattern},
        "connection": {"type": "string", "enum": [c.value for c in Connection]},
        "depth": {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
        "oldest_age_s": {"type": "number", "minimum": 0, "maximum": MAX_AGE_S},
        "dead_letters": {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
        "last_dead_letter": {"type": "string", "maxLength": MAX_REASON},
        "held": {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
        "held_reason": {"type": "string", "maxLength": MAX_REASON},
        "storage_ok": {"type": "boolean"},
        "outbox_problem": {"type": "string", "maxLength": MAX_REASON},
        "delivery_worker": {"type": "string", "maxLength": MAX_REASON},
        "card_reader_worker": {"type": "string", "maxLength": MAX_REASON},
        "camera": {"type": "string", "maxLength": MAX_REASON},
        "threads_died": {"type": "string", "maxLength": MAX_REASON},
        "report_interval_s": {
            "type": "number",
            "minimum": MIN_REPORT_INTERVAL_S,
            "maximum": MAX_REPORT_INTERVAL_S,
        },
        "orders_done": {
            "type": "array",
            "maxItems": MAX_ORDERS_DONE,
            "items": {"type": "integer", "minimum": 1, "maximum": 2**53 - 1},
        },
        "disabled": {"type": "boolean"},
        "uptime_s": {"type": "number", "minimum": 0, "maximum": MAX_AGE_S},
        "printer": {"type": "string", "maxLength": MAX_STATE},
        "card_reader": {"type": "string", "maxLength": MAX_STATE},
        "config_version": {"type": "string", "maxLength": MAX_VERSION},
        "config_problem": {"type": "string", "maxLength": MAX_REASON},
        "self_test_at": {"type": "number", "minimum": 0, "maximum": MAX_EPOCH_S},
        "self_test": {
            "type": "array",
            "maxItems": MAX_CHECKS,
            "items": {
                "type": "array",
                "minItems": 3,
                "maxItems": 3,
                "prefixItems": [
                    {"type": "string", "maxLength": MAX_STATE},
                    {"type": "string", "enum": list(CHECK_RESULTS)},
                    {"type": "string", "maxLength": MAX_REASON},
                ],
            },
        },
    },
}
