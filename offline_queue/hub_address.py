"""Whether an address may be the hub's: checked by the configuration (before the first frame,
so this module imports nothing but the standard library's URL and address parsers) and again
by every client that talks to the hub."""

from __future__ import annotations

import contextlib
import ipaddress
import urllib.parse

__all__ = ["HubAddressError", "hub_url_problem"]

_LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


class HubAddressError(ValueError):
    """The hub's address may not be used (plain http:// outside the loopback, not a URL)."""


def hub_url_problem(url: str, allow_insecure_loopback: bool = False) -> str | None:
    """Why ``url`` may not be the hub's address, in words for a technician (None: it may).

    A plain ``http://`` hub sends the terminal's credential and every submission's metadata
    unprotected, and lets anything on the way (a captive portal, a hijacked router) answer in
    the hub's place. Only ``https://`` is allowed; ``allow_insecure_loopback`` lets the demo and
    the tests use ``http://`` to this machine (127.0.0.0/8, ::1, localhost), nothing else.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an https:// address"
    if parts.query or parts.fragment or " " in url:
        return "must be an https:// address without ? or #"
    if parts.scheme == "https":
        return None
    host = parts.hostname
    loopback = host in _LOOPBACK_HOSTS
    with contextlib.suppress(ValueError):
        loopback = loopback or ipaddress.ip_address(host).is_loopback
    if not allow_insecure_loopback:
        return (
            "a plain http:// address is refused: submissions and the terminal's credential "
            "would travel unprotected and anything on the way could answer for the hub; use "
            "https:// (allow_insecure_loopback = true permits http:// to this machine only, "
            "for the demo and tests)"
        )
    if not loopback:
        return (
            "allow_insecure_loopback permits http:// only to this machine (127.0.0.1, ::1, "
            "localhost); use https:// for any other hub"
        )
    return None
