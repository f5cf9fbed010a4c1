"""What the fleet page flags on a terminal (hub/fleet.py): paper, the card reader, a growing
queue, a certificate about to expire — from the terminal's own report and the hub's records."""

from __future__ import annotations

from hub.fleet import CERTIFICATE_ALERT_S, _alerts
from wire.health import Connection, TerminalHealth, parse_health

NOW = 1_900_000_000.0


def report(**changes: object) -> TerminalHealth:
    fields: dict[str, object] = {
        "software_version": "1.0",
        "connection": Connection.ONLINE,
        "depth": 0,
        "oldest_age_s": 0.0,
        "dead_letters": 0,
        "printer": "ready",
        "card_reader": "ready",
    }
    fields.update(changes)
    return TerminalHealth(**fields)  # type: ignore[arg-type]


def test_a_healthy_terminal_has_no_alert() -> None:
    assert _alerts(report(), NOW + 20 * 86400, NOW) == ()


def test_paper_reader_queue_and_certificate_are_flagged() -> None:
    found = _alerts(
        report(printer="paper_out", card_reader="no_reader", depth=3, oldest_age_s=7200.0),
        NOW + CERTIFICATE_ALERT_S / 2,
        NOW,
    )
    texts = [text for _, text in found]
    assert texts[:3] == [
        "Drucker: Papier leer",
        "Kartenleser fehlt",
        "Warteschlange wächst: 3 wartend",
    ]
    assert texts[3].startswith("Zertifikat läuft ab am")
    assert [level for level, _ in found] == ["bad", "bad", "warn", "bad"]
    assert _alerts(report(printer="paper_low"), None, NOW) == (
        ("warn", "Drucker: Papier geht zur Neige"),
    )
    assert _alerts(report(), NOW - 1, NOW)[0][1].startswith("Zertifikat abgelaufen am")


def test_the_new_report_fields_go_round_and_old_reports_still_parse() -> None:
    sent = report(uptime_s=3600.5, config_version="a1b2c3d4e5f6", orders_done=(3, 4))
    assert parse_health(sent.to_json()) == sent
    old = b'{"schema":"pop.health/1","software_version":"1","connection":"online",' \
        b'"depth":0,"oldest_age_s":0}'  # fmt: skip
    parsed = parse_health(old)
    assert (parsed.printer, parsed.uptime_s, parsed.disabled) == ("", 0.0, False)
