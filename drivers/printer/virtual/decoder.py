"""An ESC/POS byte stream decoded into what a thermal printer would put on paper.

Written from the command reference, independent of python-escpos's encoder, so the tests check
the driver against the protocol rather than against itself. The decoder is streaming: a command
cut in two by the network waits for its second half. Status requests (DLE EOT, GS r, …) come out
as events in stream order for the virtual printer to answer; everything printed goes into the
current :class:`Printout`, which a cut completes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from drivers.printer.document import Align

#: ESC t numbers as Epson's models number them (the virtual printer is such a model).
CODE_PAGES = {
    0: "cp437",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
    39: "iso8859_2",
    40: "iso8859_15",
    45: "cp1250",
    46: "cp1251",
}

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C


@dataclass(frozen=True)
class Style:
    bold: bool = False
    underline: bool = False
    width: int = 1
    height: int = 1
    font_b: bool = False


@dataclass(frozen=True)
class Span:
    text: str
    style: Style


@dataclass(frozen=True)
class PrintedLine:
    spans: tuple[Span, ...]
    align: Align = Align.LEFT

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def height(self) -> int:
        return max((s.style.height for s in self.spans), default=1)


@dataclass(frozen=True)
class PrintedImage:
    width: int
    height: int
    #: Rows of packed bits, 1 = black, ``(width + 7) // 8`` bytes per row.
    bits: bytes
    align: Align = Align.LEFT


@dataclass(frozen=True)
class PrintedQr:
    data: bytes
    module: int
    error_correction: str
    align: Align = Align.LEFT


@dataclass(frozen=True)
class FeedDots:
    dots: int


@dataclass(frozen=True)
class Unknown:
    command: bytes


Item = PrintedLine | PrintedImage | PrintedQr | FeedDots


@dataclass
class Printout:
    items: list[Item] = field(default_factory=list)
    #: None until a cut ends it; then "full" or "partial".
    cut: str | None = None
    #: Code pages selected (ESC t numbers), and whether text came before the first selection.
    code_pages: list[int] = field(default_factory=list)
    text_before_code_page: bool = False
    unknown: list[Unknown] = field(default_factory=list)
    initialised: bool = False

    @property
    def lines(self) -> list[PrintedLine]:
        return [i for i in self.items if isinstance(i, PrintedLine)]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def qr_codes(self) -> list[PrintedQr]:
        return [i for i in self.items if isinstance(i, PrintedQr)]

    @property
    def images(self) -> list[PrintedImage]:
        return [i for i in self.items if isinstance(i, PrintedImage)]


@dataclass(frozen=True)
class StatusRequest:
    """A question the printer must answer: ``command`` is b"DLE EOT", b"GS r", …; ``n`` its
    parameter."""

    command: str
    n: int


class _IncompleteError(Exception):
    """The rest of a command has not arrived yet."""


class Decoder:
    def __init__(self) -> None:
        self._buffer = bytearray()
        self.current = Printout()
        self.finished: list[Printout] = []
        self.bytes_decoded = 0
        self._reset_state()
        self._line: list[Span] = []
        self._line_align = Align.LEFT
        self._text = bytearray()
        self._code_page_selected = False
        self._qr_data = b""
        self._qr_module = 3
        self._qr_ec = "L"
        self._stored_graphics: tuple[int, int, bytes] | None = None

    def _reset_state(self) -> None:
        self.style = Style()
        self.align = Align.LEFT
        self.code_page = 0

    # --- input -------------------------------------------------------------------------------

    def feed(self, data: bytes, limit: int | None = None) -> list[StatusRequest]:
        """Decode ``data`` (and any rest kept from before); at most ``limit`` bytes of it are
        consumed (the virtual printer's paper running out mid-job). Returns the status requests
        met, in order."""
        self._buffer += data
        events: list[StatusRequest] = []
        pos = 0
        # With a limit, a command reaching past it looks incomplete and is not executed.
        buf = self._buffer if limit is None else self._buffer[: max(0, limit)]
        end = len(buf)
        while pos < end:
            try:
                step, event = self._step(buf, pos)
            except _IncompleteError:
                break
            pos += step
            if event is not None:
                events.append(event)
        self._flush_text()
        self.bytes_decoded += pos
        del self._buffer[:pos]
        return events

    @property
    def pending(self) -> int:
        """Bytes received but not decoded yet (an incomplete command, or held back)."""
        return len(self._buffer)

    def drop_incomplete(self) -> None:
        """The host went away in the middle of a command: what came of it is not executed."""
        self._buffer.clear()

    def take_pending(self) -> bytes:
        data = bytes(self._buffer)
        self._buffer.clear()
        return data

    # --- one command ---------------------------------------------------------------------------

    def _step(self, buf: bytearray, pos: int) -> tuple[int, StatusRequest | None]:
        byte = buf[pos]
        if byte >= 0x20:
            # A run of text: everything up to the next control byte.
            end = pos + 1
            while end < len(buf) and buf[end] >= 0x20:
                end += 1
            if not self._code_page_selected:
                self.current.text_before_code_page = True
            self._text += buf[pos:end]
            return end - pos, None
        if byte == 0x0A:
            self._end_line()
            return 1, None
        if byte == 0x0C:
            self._end_line()
            return 1, None
        if byte == 0x09:
            self._text += b" " * (8 - len(self._text) % 8)
            return 1, None
        if byte in (0x0D, 0x00):
            return 1, None
        if byte == DLE:
            return self._dle(buf, pos)
        if byte == ESC:
            return self._esc(buf, pos)
        if byte == GS:
            return self._gs(buf, pos)
        if byte == FS:
            return self._fs(buf, pos)
        self._unknown(bytes(buf[pos : pos + 1]))
        return 1, None

    @staticmethod
    def _need(buf: bytearray, pos: int, count: int) -> bytes:
        if pos + count > len(buf):
            raise _IncompleteError
        return bytes(buf[pos : pos + count])

    def _dle(self, buf: bytearray, pos: int) -> tuple[int, StatusRequest | None]:
        cmd = self._need(buf, pos, 2)[1]
        if cmd == 0x04:
            n = self._need(buf, pos, 3)[2]
            if n in (7, 8):  # DLE EOT 7/8 take one more byte
                self._need(buf, pos, 4)
                return 4, StatusRequest("DLE EOT", n)
            return 3, StatusRequest("DLE EOT", n)
        if cmd == 0x05:
            return 3, StatusRequest("DLE ENQ", self._need(buf, pos, 3)[2])
        if cmd == 0x14:
            fn = self._need(buf, pos, 3)[2]
            size = {7: 4, 8: 10}.get(fn, 5)
            command = self._need(buf, pos, size)
            if fn == 8:
                # Clear buffers: in a running printer there is nothing held back to clear.
                return size, StatusRequest("DLE DC4", 8)
            self._unknown(command)
            return size, None
        self._unknown(bytes(buf[pos : pos + 2]))
        return 2, None

    def _esc(self, buf: bytearray, pos: int) -> tuple[int, StatusRequest | None]:
        cmd = chr(self._need(buf, pos, 2)[1])
        if cmd == "@":
            self._flush_text()
            self._reset_state()
            self._code_page_selected = False
            self.current.initialised = True
            return 2, None
        if cmd in "!EG-atdJMa3R V{rU":
            n = self._need(buf, pos, 3)[2]
            self._flush_text()
            if cmd == "!":
                self.style = replace(
                    self.style,
                    font_b=bool(n & 0x01),
                    bold=bool(n & 0x08),
                    height=2 if n & 0x10 else 1,
                    width=2 if n & 0x20 else 1,
                    underline=bool(n & 0x80),
                )
            elif cmd in "EG":
                self.style = replace(self.style, bold=bool(n & 1))
            elif cmd == "-":
                self.style = replace(self.style, underline=n in (1, 2, 49, 50))
            elif cmd == "a":
                self.align = {0: Align.LEFT, 48: Align.LEFT, 1: Align.CENTER, 49: Align.CENTER}.get(
                    n, Align.RIGHT
                )
                if not self._line and not self._text:
                    self._line_align = self.align
            elif cmd == "t":
                self.code_page = n
                self._code_page_selected = True
                self.current.code_pages.append(n)
                if n not in CODE_PAGES:
                    self._unknown(bytes(buf[pos : pos + 3]))
            elif cmd == "d":
                self._end_line()
                for _ in range(n):
                    self._end_line()
            elif cmd == "J":
                self._end_line_if_open()
                self.current.items.append(FeedDots(n))
            elif cmd == "M":
                self.style = replace(self.style, font_b=n in (1, 49))
            return 3, None
        if cmd in "2im":
            if cmd in "im":
                self._cut("partial")
            return 2, None
        if cmd in "$\\c":
            self._need(buf, pos, 4)
            return 4, None
        if cmd == "W":  # print area in page mode: 8 parameter bytes
            self._need(buf, pos, 10)
            return 10, None
        if cmd in "T=":
            self._need(buf, pos, 3)
            return 3, None
        if cmd in "pB":
            self._need(buf, pos, 5 if cmd == "p" else 4)
            return (5 if cmd == "p" else 4), None
        if cmd == "*":
            head = self._need(buf, pos, 5)
            mode, columns = head[2], head[3] + 256 * head[4]
            per_column = 1 if mode in (0, 1) else 3
            data = self._need(buf, pos, 5 + columns * per_column)[5:]
            self._column_image(data, columns, per_column)
            return 5 + columns * per_column, None
        if cmd == "D":
            end = pos + 2
            while True:
                if end >= len(buf):
                    raise _IncompleteError
                if buf[end] == 0:
                    return end - pos + 1, None
                end += 1
        self._unknown(bytes(buf[pos : pos + 2]))
        return 2, None

    def _gs(self, buf: bytearray, pos: int) -> tuple[int, StatusRequest | None]:
        cmd = chr(self._need(buf, pos, 2)[1])
        if cmd == "V":
            m = self._need(buf, pos, 3)[2]
            partial = m in (1, 49, 66, 98, 104)
            size = 4 if m in (65, 66, 97, 98, 103, 104) else 3
            self._need(buf, pos, size)
            self._cut("partial" if partial else "full")
            return size, None
        if cmd in "!BarIhwHfb/":
            n = self._need(buf, pos, 3)[2]
            if cmd == "!":
                self._flush_text()
                self.style = replace(self.style, width=(n >> 4) + 1, height=(n & 0x0F) + 1)
            elif cmd == "r":
                return 3, StatusRequest("GS r", n)
            elif cmd == "I":
                return 3, StatusRequest("GS I", n)
            return 3, None
        if cmd in "LWP$\\":
            self._need(buf, pos, 4)
            return 4, None
        if cmd == "*":  # define a downloaded bit image: x, y, then x * y * 8 bytes
            head = self._need(buf, pos, 4)
            size = 4 + head[2] * head[3] * 8
            self._need(buf, pos, size)
            self._unknown(b"\x1d*")
            return size, None
        if cmd == "8":  # GS 8 L: p1..p4 length (4 bytes, little endian)
            head = self._need(buf, pos, 7)
            size = 7 + int.from_bytes(head[3:7], "little")
            self._need(buf, pos, size)
            self._unknown(b"\x1d8")
            return size, None
        if cmd == "v":
            head = self._need(buf, pos, 8)
            width_bytes, rows = head[4] + 256 * head[5], head[6] + 256 * head[7]
            data = self._need(buf, pos, 8 + width_bytes * rows)[8:]
            self._image(width_bytes * 8, rows, data)
            return 8 + width_bytes * rows, None
        if cmd == "(":
            head = self._need(buf, pos, 5)
            fn, length = chr(head[2]), head[3] + 256 * head[4]
            body = self._need(buf, pos, 5 + length)[5:]
            if fn == "k":
                self._qr(body)
            elif fn == "L":
                self._graphics(body)
            else:
                self._unknown(bytes(buf[pos : pos + 3]))
            return 5 + length, None
        if cmd == "k":
            m = self._need(buf, pos, 3)[2]
            if m <= 6:
                end = pos + 3
                while True:
                    if end >= len(buf):
                        raise _IncompleteError
                    if buf[end] == 0:
                        return end - pos + 1, None
                    end += 1
            n = self._need(buf, pos, 4)[3]
            self._need(buf, pos, 4 + n)
            return 4 + n, None
        self._unknown(bytes(buf[pos : pos + 2]))
        return 2, None

    def _fs(self, buf: bytearray, pos: int) -> tuple[int, StatusRequest | None]:
        cmd = chr(self._need(buf, pos, 2)[1])
        if cmd in "&.":
            return 2, None
        if cmd in "C-!":
            self._need(buf, pos, 3)
            return 3, None
        if cmd == "p":
            self._need(buf, pos, 4)
            self._unknown(bytes(buf[pos : pos + 2]))
            return 4, None
        if cmd == "(":  # FS ( fn pL pH data
            head = self._need(buf, pos, 5)
            size = 5 + head[3] + 256 * head[4]
            self._need(buf, pos, size)
            self._unknown(bytes(buf[pos : pos + 3]))
            return size, None
        self._unknown(bytes(buf[pos : pos + 2]))
        return 2, None

    # --- what it prints ----------------------------------------------------------------------

    def _flush_text(self) -> None:
        if not self._text:
            return
        codec = CODE_PAGES.get(self.code_page, "cp437")
        text = bytes(self._text).decode(codec, errors="replace")
        self._text.clear()
        if self._line and self._line[-1].style == self.style:
            last = self._line.pop()
            text = last.text + text
        self._line.append(Span(text, self.style))

    def _end_line(self) -> None:
        self._flush_text()
        self.current.items.append(PrintedLine(tuple(self._line), self._line_align))
        self._line = []
        self._line_align = self.align

    def _end_line_if_open(self) -> None:
        self._flush_text()
        if self._line:
            self._end_line()

    def _image(self, width: int, rows: int, bits: bytes) -> None:
        self._end_line_if_open()
        self.current.items.append(PrintedImage(width, rows, bits, self.align))

    def _column_image(self, data: bytes, columns: int, per_column: int) -> None:
        rows = per_column * 8
        width_bytes = (columns + 7) // 8
        out = bytearray(width_bytes * rows)
        for x in range(columns):
            for k in range(per_column):
                byte = data[x * per_column + k]
                for bit in range(8):
                    if byte & (0x80 >> bit):
                        y = k * 8 + bit
                        out[y * width_bytes + x // 8] |= 0x80 >> (x % 8)
        self._image(width_bytes * 8, rows, bytes(out))

    def _graphics(self, body: bytes) -> None:
        # GS ( L: m fn [a bx by c xL xH yL yH data] — store (fn 112) then print (fn 50).
        if len(body) >= 2 and body[1] == 112 and len(body) >= 10:
            width, rows = body[6] + 256 * body[7], body[8] + 256 * body[9]
            self._stored_graphics = (width, rows, body[10:])
        elif len(body) >= 2 and body[1] in (50, 2) and self._stored_graphics is not None:
            width, rows, bits = self._stored_graphics
            self._image((width + 7) // 8 * 8, rows, bits)
            self._stored_graphics = None

    def _qr(self, body: bytes) -> None:
        # GS ( k cn fn [m] data, cn 49 = QR.
        if len(body) < 2 or body[0] != 49:
            self._unknown(b"\x1d(k" + body[:2])
            return
        fn = body[1]
        if fn == 67 and len(body) >= 3:
            self._qr_module = body[2]
        elif fn == 69 and len(body) >= 3:
            self._qr_ec = {48: "L", 49: "M", 50: "Q", 51: "H"}.get(body[2], "L")
        elif fn == 80:
            self._qr_data = body[3:]
        elif fn == 81:
            self._end_line_if_open()
            self.current.items.append(
                PrintedQr(self._qr_data, self._qr_module, self._qr_ec, self.align)
            )

    def _cut(self, kind: str) -> None:
        self._end_line_if_open()
        self.current.cut = kind
        self.finished.append(self.current)
        self.current = Printout(initialised=True)
        self.current.code_pages = []
        # A cut does not reset styles or the code page on a real printer.
        self.current.text_before_code_page = False
        self._code_page_selected = True

    def _unknown(self, command: bytes) -> None:
        self.current.unknown.append(Unknown(command))
