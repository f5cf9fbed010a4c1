"""Every outcome the core reports has a plain sentence, in German and in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from catalogue.model import ADDRESS_PARTS, FieldKind
from catalogue.validation import FieldProblem, Problem
from drivers.card.base import ReadFailure
from drivers.printer.base import PrintOutcome
from kiosk.session import SubmitFailure
from ui.app import I18N_DIR
from ui.messages import print_text, problem_text, read_failure_text, submit_failure_text


def every_message() -> list[str]:
    texts = [problem_text(FieldProblem(p, limit="5")) for p in Problem]
    texts += [problem_text(FieldProblem(Problem.REQUIRED), FieldKind.CHOICE)]
    texts += [problem_text(FieldProblem(Problem.ADDRESS_INCOMPLETE, part=p)) for p in ADDRESS_PARTS]
    texts += [read_failure_text(f) for f in ReadFailure]
    texts += [submit_failure_text(f) for f in SubmitFailure]
    texts += [print_text(o, printing=False) for o in PrintOutcome]
    texts += [print_text(None, printing=True)]
    return texts


@pytest.fixture
def german(qapp: QCoreApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "pop_de.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_every_outcome_has_an_english_sentence(qapp: QCoreApplication) -> None:
    texts = every_message()
    assert all(t.strip() for t in texts)
    assert not any("%1" in t for t in texts)


def test_every_outcome_has_a_german_sentence(german: None) -> None:
    english_words = (" the ", "Please ", " is ", "could not")
    for text in every_message():
        assert text.strip()
        assert not any(w in text for w in english_words), text


def test_messages_never_show_the_technical_detail(qapp: QCoreApplication) -> None:
    for text in every_message():
        for word in ("Error", "Exception", "sqlite", "errno", "Traceback"):
            assert word not in text
