"""The STUN/TURN reachability check of the self-tests, against a real coturn."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.stun import StunServer, parse_url, reachable
from tests.support.coturn import coturn
from tests.support.hub_runner import free_port


def test_urls_name_host_port_and_transport() -> None:
    assert parse_url("stun:stun.example") == StunServer("stun.example", 3478, False)
    assert parse_url("turn:10.0.0.1:3479?transport=tcp") == StunServer("10.0.0.1", 3479, True)
    assert parse_url("turns:turn.example") == StunServer("turn.example", 5349, True)
    assert parse_url("turn:[2001:db8::1]:3478") == StunServer("2001:db8::1", 3478, False)
    for bad in ("http://x", "turn:", "turn:host:0", "turn:host:x"):
        with pytest.raises(ValueError):
            parse_url(bad)


def test_a_running_server_answers_over_udp_and_tcp_and_a_silent_one_is_said(
    tmp_path: Path,
) -> None:
    with coturn(tmp_path) as port:
        assert reachable(parse_url(f"turn:127.0.0.1:{port}?transport=udp")) < 3.0
        assert reachable(parse_url(f"turn:127.0.0.1:{port}?transport=tcp")) < 3.0
    with pytest.raises(TimeoutError):
        reachable(parse_url(f"stun:127.0.0.1:{free_port()}"), timeout_s=0.6)
    with pytest.raises(OSError):
        reachable(parse_url(f"turn:127.0.0.1:{free_port()}?transport=tcp"), timeout_s=0.6)
