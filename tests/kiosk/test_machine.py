"""The transition table itself: every screen reachable, every state can be left, overlays
return to the screen they lie over."""

from __future__ import annotations

from kiosk.session.machine import TABLE, Event, Guard, Machine, Rule, Target
from kiosk.session.states import Overlay, Screen


def successors(state: Screen | Overlay) -> set[Screen | Overlay | Target]:
    return {rule.target for rule in TABLE if rule.source is state}


def test_every_screen_is_reachable_from_the_attract_screen() -> None:
    seen: set[Screen | Overlay | Target] = {Screen.ATTRACT}
    todo: list[Screen | Overlay | Target] = [Screen.ATTRACT]
    while todo:
        state = todo.pop()
        if isinstance(state, Target):
            continue
        for target in successors(state) - seen:
            seen.add(target)
            todo.append(target)
    assert set(Screen) <= seen
    assert {o for o in Overlay if o is not Overlay.NONE} <= seen


def test_every_state_but_the_attract_screen_has_a_way_out() -> None:
    for state in [*Screen, *Overlay]:
        if state in (Screen.ATTRACT, Overlay.NONE):
            continue
        assert successors(state) - {state, Target.STAY}, state


def test_rules_with_the_same_source_and_event_end_with_one_without_guards_or_all_guarded() -> None:
    # The first matching rule wins: a guard-less rule must come last, or later ones are dead.
    by_key: dict[tuple[object, Event], list[Rule]] = {}
    for rule in TABLE:
        by_key.setdefault((rule.source, rule.event), []).append(rule)
    for key, rules in by_key.items():
        assert all(rule.guards for rule in rules[:-1]), key


def test_an_overlay_returns_to_the_screen_exactly() -> None:
    guards = {guard: (lambda: False) for guard in Guard}
    machine = Machine(guards)
    machine.check_guards()
    machine.apply(Rule(Screen.ATTRACT, Event.START, Screen.HOME))
    start = machine.rule(Event.REQUEST_CANCEL)
    assert start is not None and start.target is Target.END  # home: no need to ask
    machine.apply(Rule(Screen.HOME, Event.CHOOSE, Screen.SERVICE))
    ask = machine.rule(Event.REQUEST_CANCEL)
    assert ask is not None
    machine.apply(ask)
    assert machine.state is Overlay.CONFIRM_CANCEL
    assert machine.rule(Event.PROCEED) is None  # the screen's events wait
    inactive = machine.rule(Event.INACTIVE)
    assert inactive is not None
    machine.apply(inactive)  # the warning replaces the question
    assert machine.layers == [Overlay.TIMEOUT_WARNING]
    extend = machine.rule(Event.EXTEND)
    assert extend is not None
    machine.apply(extend)
    assert (machine.screen, machine.overlay) == (Screen.SERVICE, Overlay.NONE)
