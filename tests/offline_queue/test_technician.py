"""The technician's tool, run as a real process: set-aside files listed, shown and sent again.

A damaged outbox's readable items reach the real hub exactly once, however often they are sent
again (at start by the salvage, then by the technician).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_queue.outbox import Outbox
from tests.offline_queue.test_delivery import Hub, Watch, sealed, worker_for
from tests.offline_queue.test_outbox import damaged_outbox, parcel
from tests.support.configs import ROOT
from tests.support.hub_runner import HubRunner


def tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "offline_queue", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "outbox.sqlite"


def test_set_aside_items_are_listed_shown_and_resent_once(path: Path) -> None:
    stored = damaged_outbox(path, pages=[20, 21, 40])
    # A terminal that only moved the damaged file aside (before salvage existed).
    box = Outbox(path, salvage=False)
    assert box.recovered_from is not None and box.count() == 0
    set_aside = box.recovered_from
    box.close()

    listed = tool("list", path)
    assert listed.returncode == 0, listed.stderr
    assert "outbox" in listed.stdout and "0 waiting, 0 dead letters" in listed.stdout
    line = next(x for x in listed.stdout.splitlines() if x.startswith("set aside:"))
    assert set_aside.name in line
    readable = int(line.split(": ")[2].split()[0])
    assert 40 <= readable < len(stored)

    shown = tool("show", set_aside)
    assert shown.returncode == 0, shown.stderr
    items = [x.split()[1] for x in shown.stdout.splitlines() if x.startswith("item ")]
    lost = [x.split()[1] for x in shown.stdout.splitlines() if x.startswith("unreadable ")]
    assert len(items) == readable and sorted(items + lost) == sorted(stored)

    resent = tool("resend", set_aside, path)
    assert resent.returncode == 1  # something could not be read: the technician must know
    assert f"{readable} copied, 0 already here" in resent.stdout
    again = tool("resend", set_aside, path)
    assert f"0 copied, {readable} already here" in again.stdout
    box = Outbox(path)
    try:
        assert box.count() == readable
        while (item := box.oldest()) is not None:
            original = stored[item.id]
            assert tuple(box.part(item, i) for i in range(item.parts_total)) == original.parts
            box.delivered(item)
    finally:
        box.close()
    assert set_aside.exists()  # kept: never deleted by the tool


def test_dead_letters_are_listed_and_put_back(path: Path) -> None:
    box = Outbox(path)
    box.enqueue(parcel("a", "photo-1.jpg"))
    box.enqueue(parcel("b"))
    box.dead_letter(box.oldest(), "proxy/hub refuses: HTTP 413")  # type: ignore[arg-type]
    box.close()
    listed = tool("dead-letters", path)
    assert "a  failed " in listed.stdout and "proxy/hub refuses: HTTP 413" in listed.stdout
    assert "1 dead letters" in listed.stdout
    assert tool("requeue", path, "nope").returncode == 1
    requeued = tool("requeue", path, "--all")
    assert requeued.returncode == 0 and "1 put back" in requeued.stdout
    box = Outbox(path)
    try:
        assert box.count() == 2 and box.dead_letters() == []
    finally:
        box.close()


def test_a_mistyped_outbox_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "outbox.sqlite"
    assert tool("dead-letters", missing).returncode == 2
    assert "not there" in tool("list", missing).stdout
    assert not missing.exists() and not missing.parent.exists()


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data")
    credential, key = runner.setup()
    runner.start()
    yield Hub(runner, credential, key)
    runner.stop()


def test_salvaged_and_resent_items_reach_the_hub_exactly_once(hub: Hub, path: Path) -> None:
    box = Outbox(path)
    ids = []
    for i in range(2000, 2030):
        p, _ = sealed(hub, i)
        box.enqueue(p)
        ids.append(p.submission_id)
    box.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    raw = bytearray(path.read_bytes())
    raw[(pages // 2) * 4096 : (pages // 2) * 4096 + 100] = b"\xff" * 100
    path.write_bytes(bytes(raw))

    box = Outbox(path)  # moved aside, readable items salvaged
    assert box.salvage is not None and box.recovered_from is not None
    recovered = box.salvage.recovered
    assert recovered + box.salvage.unreadable == len(ids) and recovered > 0
    watch = Watch()
    worker = worker_for(box, hub.runner.url, hub.token, watch)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0, timeout=60)
        # The technician sends the set-aside file again while the terminal runs.
        assert tool("resend", box.recovered_from, path).returncode in (0, 1)
        worker.wake()
        watch.wait(lambda: len(watch.delivered) == 2 * recovered, timeout=60)
        watch.wait(lambda: watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
        box.close()
    stored = hub.stored()
    arrived = [sid for sid in ids if sid in stored]
    assert len(arrived) == recovered
    for sid in arrived:
        assert hub.runner.rows("SELECT count(*) FROM submissions WHERE id = ?", sid) == [(1,)]


def test_listing_changes_nothing(path: Path) -> None:
    # The technician looks while the terminal runs: the live outbox is only read. (Opening it
    # as an Outbox moved a damaged one aside and salvaged it from under the running terminal.)
    damaged_outbox(path, pages=[20, 21, 40])
    before = path.read_bytes()
    listed = tool("list", path)
    assert "outbox" in listed.stdout and "no set-aside files" in listed.stdout
    assert path.read_bytes() == before
    # SQLite's reader may make the -wal and -shm a running terminal has anyway; nothing else.
    names = {p.name for p in path.parent.iterdir()} - {"outbox.sqlite-wal", "outbox.sqlite-shm"}
    assert names == {"outbox.sqlite"}
    box = Outbox(path)  # the terminal's next start sets it aside and salvages it
    box.close()
    listed = tool("list", path)
    assert listed.returncode == 0, listed.stderr
    assert box.salvage is not None
    assert f"{box.salvage.recovered} waiting" in listed.stdout
    assert "salvage pending" not in listed.stdout  # done at that start
