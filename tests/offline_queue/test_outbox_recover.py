"""A recovery (set aside + salvage into a fresh database) while the delivery worker is mid-send.

The kiosk's enqueue may call :meth:`Outbox.recover` at any moment; the salvage renumbers the
items (a fresh database, fresh insertion sequence). Every write of the delivery worker about
the item it holds must still reach that item and no other.
"""

from __future__ import annotations

import time
from pathlib import Path

from offline_queue.outbox import Outbox
from offline_queue.parcel import DATA_PART, Parcel, Part


def parcel(n: int, *attachments: str) -> Parcel:
    parts = tuple(Part(name, f"sealed-{name}-{n}".encode()) for name in attachments)
    return Parcel(f"id-{n}", f"digest-{n}", (*parts, Part(DATA_PART, f"sealed-{n}".encode())))


def renumbering_outbox(tmp_path: Path) -> Outbox:
    """Five items; id-2 delivered and id-1 held by its own backoff, so a salvage renumbers."""
    box = Outbox(tmp_path / "outbox.sqlite")
    for n in range(1, 6):
        box.enqueue(parcel(n, "photo"))
    first = box.next_due(time.time(), 3600)
    assert first is not None and first.id == "id-1"
    box.item_failed(first, "HTTP 500", counts=True, not_before=time.time() + 600)
    second = box.next_due(time.time(), 3600)
    assert second is not None and second.id == "id-2"
    box.delivered(second)
    return box


def test_delivering_after_a_recover_removes_exactly_the_delivered_item(tmp_path: Path) -> None:
    box = renumbering_outbox(tmp_path)
    item = box.next_due(time.time(), 3600)  # the delivery worker takes id-3 and sends it
    assert item is not None and item.id == "id-3"
    box.recover()  # meanwhile the kiosk's enqueue met damage
    box.delivered(item)  # the hub acknowledged id-3
    left = []
    while (queued := box.oldest()) is not None:
        left.append(queued.id)
        box.dead_letter(queued, "counted")
    assert sorted(left) == ["id-1", "id-4", "id-5"]
    box.close()


def test_progress_after_a_recover_is_recorded_on_the_item_sent(tmp_path: Path) -> None:
    box = renumbering_outbox(tmp_path)
    item = box.next_due(time.time(), 3600)
    assert item is not None and item.id == "id-3"
    box.recover()
    # The parts read after the swap are id-3's own, not those of the item now at its old seq.
    assert box.part(item, 0).body == b"sealed-photo-3"
    assert box.part(item, 1).body == b"sealed-3"
    box.part_done(item, 0)
    tries = box.item_failed(item, "HTTP 500", counts=True, not_before=time.time() + 600)
    assert tries == 1
    box.failed_attempt(item, "timeout")
    by_id = {}
    while (queued := box.oldest()) is not None:
        by_id[queued.id] = queued
        box.dead_letter(queued, "counted")
    assert (by_id["id-3"].parts_done, by_id["id-3"].tries, by_id["id-3"].attempts) == (1, 1, 2)
    for other in ("id-4", "id-5"):
        assert (by_id[other].parts_done, by_id[other].tries, by_id[other].attempts) == (0, 0, 0)
    box.close()


def test_requeueing_a_dead_letter_after_a_recover_keeps_the_others(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite")
    for n in range(1, 4):
        box.enqueue(parcel(n))
        box.dead_letter_by_id(f"id-{n}", "refused")
    box.recover()
    assert box.requeue_dead_letter("id-2")
    assert [d.id for d in box.dead_letters()] == ["id-1", "id-3"]
    box.close()
