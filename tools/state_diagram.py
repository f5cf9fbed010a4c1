"""The citizen session's transition table (``kiosk.session.machine.TABLE``) as a Mermaid
``stateDiagram-v2``.

    python tools/state_diagram.py            # print it
    python tools/state_diagram.py --write    # put it into docs/ARCHITECTURE.md
    python tools/state_diagram.py --check    # exit 1 if the document's copy is stale

In the document it stands between ``<!-- state-diagram:begin -->`` and
``<!-- state-diagram:end -->``. An edge reads ``event [guard, …] / effect``; overlays (the
cancel question, the timeout warning, a side flow) lie over a screen and *resume* returns to
that screen as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kiosk.session.machine import TABLE, AnyStep, Rule, State, Target  # noqa: E402
from kiosk.session.states import IdentifyState, Overlay, Screen  # noqa: E402

DOC = ROOT / "docs" / "ARCHITECTURE.md"
BEGIN = "<!-- state-diagram:begin -->"
END = "<!-- state-diagram:end -->"
#: The pseudo-state for "back to the screen the overlay lies over".
RESUMED = "resumed"


def _id(state: State) -> str:
    # The identify screen's steps are drawn inside it, with ids of their own.
    if isinstance(state, (IdentifyState, AnyStep)):
        return f"step_{state.value}"
    return state.value


def _node(state: State | Target, source: State) -> str:
    if state is Target.STAY:
        return _id(source)
    if state is Target.END:
        return Screen.ATTRACT.value
    if state is Target.RESUME:
        return RESUMED
    assert not isinstance(state, Target)
    return _id(state)


def _label(rule: Rule) -> str:
    text = rule.event.value
    if rule.guards:
        text += " [" + ", ".join(guard.value for guard in rule.guards) + "]"
    if rule.effect is not None:
        text += " / " + rule.effect.value
    # Mermaid ends a label at a colon and reads semicolons as statement ends.
    return text.replace(":", " ").replace(";", ",")


def _edge(rule: Rule) -> str:
    return f"{_id(rule.source)} --> {_node(rule.target, rule.source)}: {_label(rule)}"


def diagram() -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {Screen.ATTRACT.value}"]
    for overlay in Overlay:
        if overlay is not Overlay.NONE:
            lines.append(f'    state "{overlay.value} (overlay)" as {overlay.value}')
    lines.append(f'    state "back to the screen underneath" as {RESUMED}')
    steps = [rule for rule in TABLE if isinstance(rule.source, (IdentifyState, AnyStep))]
    for rule in TABLE:
        if rule not in steps:
            lines.append(
                f"    {_id(rule.source)} --> {_node(rule.target, rule.source)}: {_label(rule)}"
            )
    lines.append(f"    state {Screen.IDENTIFY.value} {{")
    for step in [*IdentifyState, *AnyStep]:
        lines.append(f'        state "{step.value.replace("_", " ")}" as {_id(step)}')
    for rule in steps:
        lines.append(
            f"        {_id(rule.source)} --> {_node(rule.target, rule.source)}: {_label(rule)}"
        )
    lines.append("    }")
    lines.append(
        "    note right of attract : end() leads here from any state (a fault, shutdown),"
        " the visit wiped once"
    )
    return "\n".join(lines) + "\n"


def _block() -> str:
    return f"{BEGIN}\n```mermaid\n{diagram()}```\n{END}"


def updated(text: str) -> str:
    """``text`` with the diagram between the markers replaced by the current one."""
    start = text.find(BEGIN)
    stop = text.find(END)
    if start < 0 or stop < start:
        raise ValueError(f"markers {BEGIN} … {END} not found")
    return text[:start] + _block() + text[stop + len(END) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"update {DOC.relative_to(ROOT)}")
    mode.add_argument("--check", action="store_true", help="exit 1 if the document is stale")
    parser.add_argument("--doc", type=Path, default=DOC, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (args.write or args.check):
        sys.stdout.write(diagram())
        return 0
    text = args.doc.read_text(encoding="utf-8")
    try:
        new = updated(text)
    except ValueError as exc:
        print(f"{args.doc}: {exc}", file=sys.stderr)
        return 1
    if args.check:
        if new != text:
            print(
                f"{args.doc} shows an old state diagram: run python tools/state_diagram.py --write",
                file=sys.stderr,
            )
            return 1
        return 0
    if new != text:
        args.doc.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
