from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.kiosk_process import EndToEnd, end_to_end
from tests.ui.conftest import make_kiosk, qapp_cls

__all__ = ["make_kiosk", "qapp_cls"]


@pytest.fixture
def e2e(tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[EndToEnd]:
    """A real hub and a real kiosk process (started by the test); at the end both logs are
    checked: an unexpected warning or error fails the test."""
    # The Qt messages pyproject.toml lets pass in the in-process UI tests pass here too.
    qt_ignore = tuple(pytestconfig.getini("qt_log_ignore"))
    with end_to_end(tmp_path, qt_ignore) as harness:
        yield harness
