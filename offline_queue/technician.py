"""The technician's tool for a terminal's outbox: set-aside files, dead letters, sending again.

    python -m offline_queue list OUTBOX              the outbox's state and its set-aside files
    python -m offline_queue show SET_ASIDE_FILE      what can still be read in a set-aside file
    python -m offline_queue resend SET_ASIDE_FILE OUTBOX
                                                     copy its readable items into the outbox
    python -m offline_queue dead-letters OUTBOX      the items the hub refused, with reasons
    python -m offline_queue requeue OUTBOX (ID ... | --all)
                                                     put dead letters back into the queue

OUTBOX is the terminal's ``outbox.sqlite`` (in its data folder). Safe while the terminal runs:
SQLite's locks serialise the writes, and an item sent twice is stored once (the hub answers
"already have it" for an id it has). Only ids, times, sizes and reasons are shown: the parts are
sealed for the hub and are never printed.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from offline_queue.outbox import Outbox, OutboxError
from offline_queue.salvage import pending_marker, read_set_aside, set_aside_files


def _when(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(epoch))


class UsageError(Exception):
    """The technician named something that is not there."""


def _open_existing(path: Path) -> Outbox:
    # Outbox() would create an empty one: a mistyped path must not become a new outbox.
    if not path.is_file():
        raise UsageError(f"no outbox at {path}")
    return Outbox(path)


def _counts(path: Path) -> tuple[int, int] | None:
    """(waiting, dead letters) of the outbox at ``path``, read only; None if it is damaged.

    Looking must change nothing: opening it as :class:`Outbox` would write (and move a damaged
    file aside and salvage it) under the running terminal. ``mode=ro`` cannot write.
    """
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = db.execute(
            "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM dead_letters)"
        ).fetchone()
        return int(row[0]), int(row[1])
    except sqlite3.Error:
        return None
    finally:
        db.close()


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    path: Path = args.outbox
    status = 0
    if path.is_file():
        counts = _counts(path)
        if counts is None:
            out.write(f"outbox {path}: cannot be read (the terminal sets it aside at start)\n")
            status = 1
        else:
            out.write(f"outbox {path}: {counts[0]} waiting, {counts[1]} dead letters\n")
    else:
        out.write(f"outbox {path}: not there\n")
    files = set_aside_files(path)
    if not files:
        out.write("no set-aside files\n")
    for file in files:
        found = read_set_aside(file)
        if found.hopeless:
            out.write(f"set aside: {file.name}: cannot be read at all\n")
            status = 1
            continue
        more = "" if found.complete else " (at least: its tables are broken)"
        if pending_marker(file).exists():
            more += " (salvage pending: done at the terminal's next start)"
        out.write(
            f"set aside: {file.name}: {len(found.items)} readable items, "
            f"{len(found.dead_letters)} dead letters, {found.unreadable} unreadable{more}\n"
        )
    return status


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    found = read_set_aside(args.file)
    if found.hopeless:
        out.write(f"{args.file}: cannot be read at all\n")
        return 1
    for entry in found.items:
        parcel = entry.parcel
        out.write(
            f"item {parcel.submission_id}  stored {_when(entry.created_at)}  "
            f"{len(parcel.parts)} parts  {parcel.size} bytes\n"
        )
    for letter in found.dead_letters:
        out.write(f"dead letter {letter.id}  {letter.reason}\n")
    for item_id in found.unreadable_ids:
        out.write(f"unreadable {item_id}\n")
    more = "" if found.complete else " (at least: its tables are broken)"
    out.write(
        f"{len(found.items)} readable, {len(found.dead_letters)} dead letters, "
        f"{found.unreadable} unreadable{more}\n"
    )
    return 0


def cmd_resend(args: argparse.Namespace, out: TextIO) -> int:
    box = _open_existing(args.outbox)
    try:
        report = box.salvage_from(args.file)
    finally:
        box.close()
    out.write(f"resent {report.summary()}\n")
    return 1 if report.unreadable or not report.complete else 0


def cmd_dead_letters(args: argparse.Namespace, out: TextIO) -> int:
    box = _open_existing(args.outbox)
    try:
        letters = box.dead_letters()
    finally:
        box.close()
    for letter in letters:
        out.write(f"{letter.id}  failed {_when(letter.failed_at)}  {letter.reason}\n")
    out.write(f"{len(letters)} dead letters\n")
    return 0


def cmd_requeue(args: argparse.Namespace, out: TextIO) -> int:
    box = _open_existing(args.outbox)
    try:
        ids = [d.id for d in box.dead_letters()] if args.all else list(args.ids)
        missing = [i for i in ids if not box.requeue_dead_letter(i)]
    finally:
        box.close()
    out.write(f"{len(ids) - len(missing)} put back into the queue\n")
    for item_id in missing:
        out.write(f"no dead letter {item_id}\n")
    return 1 if missing else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m offline_queue", description="A terminal's outbox, for technicians."
    )
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("list", help="the outbox's state and its set-aside files")
    c.add_argument("outbox", type=Path)
    c.set_defaults(run=cmd_list)
    c = sub.add_parser("show", help="what can still be read in a set-aside file")
    c.add_argument("file", type=Path)
    c.set_defaults(run=cmd_show)
    c = sub.add_parser("resend", help="copy a set-aside file's readable items into the outbox")
    c.add_argument("file", type=Path)
    c.add_argument("outbox", type=Path)
    c.set_defaults(run=cmd_resend)
    c = sub.add_parser("dead-letters", help="the items the hub refused, with reasons")
    c.add_argument("outbox", type=Path)
    c.set_defaults(run=cmd_dead_letters)
    c = sub.add_parser("requeue", help="put dead letters back into the queue")
    c.add_argument("outbox", type=Path)
    group = c.add_mutually_exclusive_group(required=True)
    group.add_argument("ids", nargs="*", default=[], metavar="ID")
    group.add_argument("--all", action="store_true")
    c.set_defaults(run=cmd_requeue)
    return p


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args, out))
    except UsageError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except OutboxError as exc:
        sys.stderr.write(f"the outbox cannot be used: {exc}\n")
        return 1
