"""How a printer model is driven: paper, code page, cut, QR codes, status support.

The kiosk's configuration fills this in from ``[printer]``; the drivers never read files.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Connection(StrEnum):
    NETWORK = "network"  # raw TCP, port 9100
    USB = "usb"
    SERIAL = "serial"
    CUPS = "cups"  # a raw CUPS queue
    FILE = "file"  # a device node such as /dev/usb/lp0


#: Printable dots across the paper at 203 dpi, and characters per line in font A (12 dots).
PAPER_DOTS = {80: 576, 58: 384}


@dataclass(frozen=True)
class PrinterSettings:
    connection: Connection = Connection.NETWORK
    #: network: host name or address; serial / file: the device node; cups: the queue's name.
    address: str = "127.0.0.1"
    port: int = 9100
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    #: USB endpoints (python-escpos's defaults fit most Epson-style printers).
    usb_in_ep: int = 0x82
    usb_out_ep: int = 0x01
    serial_baudrate: int = 19200
    #: cups: the CUPS server as "host:port" ("" for the machine's own, localhost:631).
    cups_server: str = ""
    #: python-escpos capability profile (printer model), e.g. "TM-T20II"; "default" if unknown.
    profile: str = "default"
    paper_mm: int = 80
    #: Printable dots across the paper, if neither the profile nor 203 dpi gets it right.
    paper_dots: int | None = None
    #: The character code table set before any text; never the printer's default.
    codepage: str = "CP858"
    #: ESC t number for ``codepage`` if the profile does not know it (or knows it wrong).
    codepage_number: int | None = None
    partial_cut: bool = False
    #: Let the printer draw QR codes (GS ( k); else they are sent as a raster image.
    native_qr: bool = True
    #: The model answers DLE EOT and GS r (most ESC/POS printers on USB, serial and TCP do).
    status_queries: bool = True
    #: Seconds to wait for one status answer.
    status_timeout_s: float = 1.0
    #: Seconds writing one job may take at most.
    job_timeout_s: float = 20.0
    #: Seconds to wait, once the job is written and the printer reports no fault, for it to
    #: confirm the last byte (GS r; mechanics included). A printer that does not answer is
    #: reported "printed, not confirmed" after this, and its next jobs do not wait at all.
    #: Also the stall limit of a write: a printer that takes no data for this long (paper out
    #: on a serial line, a full buffer) has stopped, and the job is given up.
    confirm_timeout_s: float = 4.0
