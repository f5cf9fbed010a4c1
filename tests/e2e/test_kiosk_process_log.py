"""The harness's own parts without processes: how log lines are read and judged, and where
the kiosk refuses its test-control channel."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.e2e.process_log import LoggedProcess
from tests.support.clock import RUN_STARTED
from ui import test_control

#: Log lines' time as the processes write it (the test clock's, not a calendar date typed in).
STAMP = f"{RUN_STARTED:%Y-%m-%d %H:%M:%S}"


def judged(tmp_path: Path, *lines: str) -> LoggedProcess:
    proc = LoggedProcess("kiosk", [], {}, tmp_path / "kiosk.log", qt_ignore=("pipewire",))
    in_traceback = False
    for line in lines:
        in_traceback = proc._parse(line, in_traceback)
    return proc


def test_warnings_errors_qt_warnings_and_stray_output_are_unexpected(tmp_path: Path) -> None:
    proc = judged(
        tmp_path,
        f"{STAMP},678 INFO kiosk.session: screen attract -> home",
        f"{STAMP},679 DEBUG kiosk.session: anything",
        "qt debug qt.qml: anything",
        "qt warning qt.multimedia.symbolsresolver: Couldn't load pipewire-0.3 library",
        f"{STAMP},680 WARNING kiosk.terminal: terminal out of service: fault",
        "qt warning default: file:///ui/qml/Main.qml:12: TypeError: null",
        "qt critical qt.scenegraph: failed",
        "Segmentation fault",
    )
    assert [(line.level, line.source) for line in proc.unexpected()] == [
        (logging.WARNING, "kiosk.terminal"),
        (logging.WARNING, "qt:default"),
        (logging.ERROR, "qt:qt.scenegraph"),
        (logging.WARNING, ""),  # output that is no log record at all
    ]


def test_a_traceback_belongs_to_its_record_and_an_expected_record_takes_it_along(
    tmp_path: Path,
) -> None:
    proc = judged(
        tmp_path,
        f"{STAMP},678 ERROR kiosk.terminal: unexpected fault: RuntimeError",
        "Traceback (most recent call last):",
        '  File "ui/app.py", line 1, in f',
        "    g()",
        "RuntimeError: deleted",
        f"{STAMP},679 INFO kiosk.session: session ended: fault",
    )
    assert len(proc.lines) == 2
    assert proc.lines[0].text.endswith("RuntimeError: deleted")
    assert len(proc.unexpected()) == 1
    proc.expect(r"^unexpected fault: RuntimeError$", logging.ERROR, "this test's own fault")
    assert proc.unexpected() == []


def test_a_traceback_after_an_info_line_is_an_error(tmp_path: Path) -> None:
    """Python's default excepthook prints after whatever was logged last (failed before: the
    traceback rode along with an allowed INFO line)."""
    proc = judged(
        tmp_path,
        f"{STAMP},678 INFO kiosk.session: screen home -> service",
        "Traceback (most recent call last):",
        '  File "x.py", line 1, in <module>',
        "ValueError: boom",
    )
    [line] = proc.unexpected()
    assert line.level == logging.ERROR
    assert line.text.endswith("ValueError: boom")


def test_an_expectation_is_for_its_level_and_process(tmp_path: Path) -> None:
    proc = judged(tmp_path, f"{STAMP},678 ERROR offline_queue.delivery: hub gone")
    proc.expect("hub gone")  # a WARNING is expected, not an ERROR
    assert len(proc.unexpected()) == 1


def test_the_control_channel_is_refused_off_the_demo_and_outside_a_private_folder(
    tmp_path: Path,
) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    test_control.check_socket_path(private / "c.sock", demo=True)
    with pytest.raises(test_control.ControlRefusedError, match="demo configuration"):
        test_control.check_socket_path(private / "c.sock", demo=False)
    # Listening would delete what is at the path: only ever a socket.
    (private / "notes.txt").write_text("keep me")
    with pytest.raises(test_control.ControlRefusedError, match="other than a socket"):
        test_control.check_socket_path(private / "notes.txt", demo=True)
    assert (private / "notes.txt").read_text() == "keep me"
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o750)
    with pytest.raises(test_control.ControlRefusedError, match="private"):
        test_control.check_socket_path(shared / "c.sock", demo=True)
    with pytest.raises(test_control.ControlRefusedError, match="absolute"):
        test_control.check_socket_path(Path("c.sock"), demo=True)
    with pytest.raises(test_control.ControlRefusedError, match="cannot be read"):
        test_control.check_socket_path(tmp_path / "none" / "c.sock", demo=True)


def test_screen_names_are_the_cores() -> None:
    assert test_control.screen_name("outOfServiceScreen") == "out_of_service"
    assert test_control.screen_name("attractScreen") == "attract"
