"""``[printer]``: the receipt printer's connection and model."""

from __future__ import annotations

import dataclasses
import math
import re

from drivers.printer.settings import PAPER_DOTS, Connection, PrinterSettings
from kiosk.config.reader import Reader, has_module


def read_printer(r: Reader, real: bool) -> tuple[PrinterSettings, float]:
    """``[printer]``: the connection and the model's details."""
    d = PrinterSettings()
    t = "printer"
    connection = r.choice(t, "connection", Connection, d.connection)
    address_key = {
        Connection.NETWORK: "host",
        Connection.SERIAL: "device",
        Connection.FILE: "device",
        Connection.CUPS: "queue",
    }.get(connection, "")
    host = r.get(t, "host", str, "")
    device = r.get(t, "device", str, "")
    queue = r.get(t, "queue", str, "")
    cups_server = r.get(t, "cups_server", str, "")
    if cups_server and not re.fullmatch(r"[A-Za-z0-9.\-\[\]:]+:\d{1,5}", cups_server):
        r.problems.append(f'[printer] cups_server = "{cups_server}": must be "host:port"')
        cups_server = ""
    address = {"host": host, "device": device, "queue": queue}.get(address_key, "")
    number = r.get(t, "codepage_number", int, -1)
    paper_dots = r.get(t, "paper_dots", int, 0)
    settings = PrinterSettings(
        connection=connection,
        address=address,
        port=r.get(t, "port", int, d.port),
        usb_vendor_id=r.get(t, "usb_vendor_id", int, 0),
        usb_product_id=r.get(t, "usb_product_id", int, 0),
        usb_in_ep=r.get(t, "usb_in_ep", int, d.usb_in_ep),
        usb_out_ep=r.get(t, "usb_out_ep", int, d.usb_out_ep),
        serial_baudrate=r.get(t, "baudrate", int, d.serial_baudrate),
        cups_server=cups_server,
        profile=r.get(t, "profile", str, d.profile),
        paper_mm=r.get(t, "paper_mm", int, d.paper_mm),
        paper_dots=paper_dots or None,
        codepage=r.get(t, "codepage", str, d.codepage),
        codepage_number=None if number < 0 else number,
        partial_cut=r.get(t, "partial_cut", bool, d.partial_cut),
        native_qr=r.get(t, "native_qr", bool, d.native_qr),
        status_queries=r.get(t, "status_queries", bool, d.status_queries),
        status_timeout_s=r.get(t, "status_timeout_s", float, d.status_timeout_s),
        job_timeout_s=r.get(t, "job_timeout_s", float, d.job_timeout_s),
        confirm_timeout_s=r.get(t, "confirm_timeout_s", float, d.confirm_timeout_s),
    )
    poll_s = r.get(t, "status_poll_s", float, 30.0)
    if settings.paper_mm not in PAPER_DOTS:
        r.problems.append(f"[printer] paper_mm = {settings.paper_mm}: must be 80 or 58")
        settings = dataclasses.replace(settings, paper_mm=80)
    if paper_dots and not 64 <= paper_dots <= 832:
        r.problems.append("[printer] paper_dots: must be from 64 to 832 (or 0: automatic)")
    if not 0 <= settings.port <= 65535:
        r.problems.append("[printer] port: must be from 1 to 65535")
    if number > 255:
        r.problems.append("[printer] codepage_number: must be from 0 to 255 (ESC t n)")
    for key, value, low in (
        ("status_timeout_s", settings.status_timeout_s, 0.05),
        ("job_timeout_s", settings.job_timeout_s, 1.0),
        ("confirm_timeout_s", settings.confirm_timeout_s, 0.1),
        ("status_poll_s", poll_s, 1.0),
    ):
        if not math.isfinite(value) or not low <= value <= 3600:
            r.problems.append(f"[printer] {key}: must be a number of seconds from {low:g} to 3600")
    # python-escpos's code pages: imported here, when the configuration is checked.
    from drivers.printer.codepages import EncodeError, check_settings

    try:
        check_settings(settings)
    except EncodeError as exc:
        r.problems.append(f"[printer] {exc}")
    if real:
        if address_key and not address:
            r.problems.append(
                f'[printer] {address_key}: needed for connection = "{connection.value}"'
            )
        if connection is Connection.USB and not (
            settings.usb_vendor_id and settings.usb_product_id
        ):
            r.problems.append(
                "[printer] usb_vendor_id and usb_product_id: needed for a USB printer "
                "(see lsusb, e.g. 0x04b8 and 0x0e15)"
            )
        if connection is Connection.CUPS and not has_module("cups"):
            r.problems.append(
                '[printer] connection = "cups": needs pycups (pip install pycups, with '
                "Debian's libcups2-dev)"
            )
    return settings, poll_s
