"""The video call to a clerk (``Call`` in QML): the overlay's step, the queue, the chat, and the
clerk's picture, drawn through the same video-sink path as the camera preview."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from drivers.printer.base import PrintOutcome
from kiosk.session import Change
from ui.messages import problem_text
from ui.models.context import ModelContext, action, fenced, singleton
from ui.models.enums import CALL_STEP_OF, FIELD_KIND_OF, CallStep
from ui.models.preview import sink_key

if TYPE_CHECKING:
    from kiosk.session import Session
    from kiosk.session.call import CallView
    from ui.preview import PreviewFeed

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_CALL = frozenset({Change.CALL, Change.OVERLAY, Change.LANGUAGE})


@QmlNamedElement("Call")
@QmlSingleton
class CallModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    callChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        #: The clerk's picture feeds each output that shows it (the overlay's, the dock's),
        #: by the sink's C++ address.
        self._clerk_feeds: dict[int, PreviewFeed] = {}
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> CallModel:
        return singleton(CallModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _CALL:
            if self._view() is None:
                self._stop_feed()
            self.callChanged.emit()

    def _view(self) -> CallView | None:
        s = self.context.session
        return s.call if s is not None else None

    @Property(bool, notify=callChanged)
    def active(self) -> bool:
        return self._view() is not None

    @Property(bool, notify=callChanged)
    def docked(self) -> bool:
        """The call is small beside the screen while the citizen works on the form."""
        view = self._view()
        return view is not None and view.docked

    @Property(bool, notify=callChanged)
    def documentWanted(self) -> bool:
        """The clerk asks for a photo of the ID document (again, after the camera failed)."""
        view = self._view()
        return view is not None and view.document in ("wanted", "failed", "taking")

    @Property(bool, notify=callChanged)
    def documentTaking(self) -> bool:
        view = self._view()
        return view is not None and view.document == "taking"

    @Property(bool, notify=callChanged)
    def documentSent(self) -> bool:
        view = self._view()
        return view is not None and view.document == "sent"

    @Property(bool, notify=callChanged)
    def documentFailed(self) -> bool:
        view = self._view()
        return view is not None and view.document == "failed"

    @Slot()
    @action
    def sendDocument(self, session: Session) -> None:
        session.send_document_to_clerk()

    @Slot()
    @action
    def declineDocument(self, session: Session) -> None:
        session.decline_document_for_clerk()

    @Property(int, notify=callChanged)
    def unread(self) -> int:
        """The clerk's messages that came while the call was docked."""
        view = self._view()
        return view.unread if view is not None else 0

    @Property(int, notify=callChanged)
    def step(self) -> int:
        view = self._view()
        return CALL_STEP_OF[view.step] if view is not None else CallStep.Value.Consent

    @Property(int, notify=callChanged)
    def position(self) -> int:
        view = self._view()
        return view.position if view is not None else 0

    @Property(int, notify=callChanged)
    def waitMinutes(self) -> int:
        """The estimated wait in whole minutes (0: a clerk is free now)."""
        view = self._view()
        return round(view.wait_s / 60) if view is not None and view.wait_s >= 30 else 0

    @Property(str, notify=callChanged)
    def clerk(self) -> str:
        view = self._view()
        return view.clerk if view is not None else ""

    @Property(str, notify=callChanged)
    def reason(self) -> str:
        view = self._view()
        return view.reason if view is not None else ""

    @Property(bool, notify=callChanged)
    def muted(self) -> bool:
        view = self._view()
        return view.muted if view is not None else False

    @Property(bool, notify=callChanged)
    def cameraOn(self) -> bool:
        view = self._view()
        return view.camera_on if view is not None else False

    @Property(str, notify=callChanged)
    def printout(self) -> str:
        """The title of what the clerk sent to the printer ("": nothing)."""
        view = self._view()
        return view.printout if view is not None else ""

    @Property(bool, notify=callChanged)
    def printing(self) -> bool:
        """What the clerk sent is being printed."""
        view = self._view()
        return view is not None and view.print_state == "printing"

    @Property(bool, notify=callChanged)
    def printFailed(self) -> bool:
        """It did not come out (no paper, cover open, printer gone); the clerk is told."""
        view = self._view()
        if view is None or view.print_state in ("", "printing"):
            return False
        return not PrintOutcome(view.print_state).printed

    @Property(bool, notify=callChanged)
    def connectionLost(self) -> bool:
        """The call ended because the connection broke (not because someone hung up)."""
        view = self._view()
        return view is not None and view.reason in ("terminal_gone", "connection_lost")

    @Property(bool, notify=callChanged)
    def identityConfirmed(self) -> bool:
        view = self._view()
        return view is not None and view.identity_confirmed

    @Property(bool, notify=callChanged)
    def soundMissing(self) -> bool:
        """The microphone or loudspeaker failed: the call goes on in picture and text."""
        view = self._view()
        return view is not None and view.sound_missing

    @Property(bool, notify=callChanged)
    def nobodyAnswered(self) -> bool:
        """Nobody at the town hall took the call in time (or the queue was full)."""
        view = self._view()
        return view is not None and view.reason in ("no_clerk", "busy")

    @Property(bool, notify=callChanged)
    def noHub(self) -> bool:
        """This terminal has no hub to call at all (not: the hub cannot be reached now)."""
        view = self._view()
        return view is not None and view.reason == "no_hub"

    @Property(bool, notify=callChanged)
    def callBackOffered(self) -> bool:
        view = self._view()
        return view.call_back_offered if view is not None else False

    @Property(str, notify=callChanged)
    def callBackCode(self) -> str:
        view = self._view()
        return view.call_back_code if view is not None else ""

    @Property(bool, notify=callChanged)
    def callBackFailed(self) -> bool:
        view = self._view()
        return view.call_back_failed if view is not None else False

    @Property(list, notify=callChanged)
    def callBackFields(self) -> list[dict[str, Any]]:
        """The call-back form's fields, as the catalogue describes them: key, label, kind (a
        ``FieldKind`` value), the choices, and the problem to show ("": none)."""
        s = self.context.session
        view = self._view()
        service = s.call_back_service if s is not None else None
        if s is None or view is None or service is None:
            return []
        language = self.context.language
        fields = []
        for spec in service.fields():
            problem = view.call_back_problems.get(spec.key)
            fields.append(
                {
                    "key": spec.key,
                    "label": spec.label.get(language),
                    "kind": int(FIELD_KIND_OF[spec.kind]),
                    "choices": [
                        {"value": c.value, "label": c.label.get(language)} for c in spec.choices
                    ],
                    "problem": problem_text(problem, spec.kind) if problem is not None else "",
                }
            )
        return fields

    @Slot()
    @action
    def askCallBack(self, session: Session) -> None:
        session.ask_call_back()

    @Slot("QVariantMap")
    @action
    def sendCallBack(self, session: Session, values: dict[str, Any]) -> None:
        session.send_call_back({str(k): str(v) for k, v in values.items()})

    @Property(list, notify=callChanged)
    def chat(self) -> list[dict[str, Any]]:
        view = self._view()
        if view is None:
            return []
        return [{"fromCitizen": line.from_citizen, "text": line.text} for line in view.chat]

    # --- actions -------------------------------------------------------------------------

    @Property(list, notify=callChanged)
    def suggestions(self) -> list[dict[str, Any]]:
        """What the clerk suggests for the form, waiting for the citizen: key, label, the
        value now and the suggested one (as they read)."""
        s = self.context.session
        if s is None:
            return []
        return [
            {"key": p.key, "label": p.label, "current": p.current, "suggested": p.suggested}
            for p in s.call_suggestions
        ]

    @Slot(str, bool)
    @action
    def answerSuggestion(self, session: Session, key: str, take: bool) -> None:
        session.answer_suggestion(key, take)

    @Slot()
    @action
    def consent(self, session: Session) -> None:
        session.consent_to_call()

    @Slot()
    @action
    def hangUp(self, session: Session) -> None:
        session.hang_up_call()

    @Slot()
    @action
    def close(self, session: Session) -> None:
        session.close_call()

    @Slot()
    @action
    def dock(self, session: Session) -> None:
        session.dock_call()

    @Slot()
    @action
    def undock(self, session: Session) -> None:
        session.call_clerk()

    @Slot(str)
    @action
    def sendChat(self, session: Session, text: str) -> None:
        session.send_call_chat(text)

    @Slot(bool)
    @action
    def setMuted(self, session: Session, muted: bool) -> None:
        session.set_call_muted(muted)

    @Slot(bool)
    @action
    def setCamera(self, session: Session, on: bool) -> None:
        session.set_call_camera(on)

    # --- the clerk's picture -------------------------------------------------------------

    @Slot(QObject)
    @fenced
    def attachClerk(self, sink: QObject) -> None:
        """The clerk's video output is on screen: feed it what the call receives."""
        from PySide6.QtMultimedia import QVideoSink

        from ui.preview import PreviewFeed

        s = self.context.session
        link = s.call_link if s is not None else None
        if link is None or not isinstance(sink, QVideoSink) or not shiboken6.isValid(sink):
            return
        key = sink_key(sink)
        if key in self._clerk_feeds:
            return
        feed = PreviewFeed(link.clerk_frames, sink)
        self._clerk_feeds[key] = feed
        feed.start()

    @Slot(QObject)
    @fenced
    def detachClerk(self, sink: QObject) -> None:
        """That output is no longer shown (the other one may be: the dock, the overlay)."""
        if sink is None:
            return
        feed = self._clerk_feeds.pop(sink_key(sink), None)
        if feed is None:
            key = next((k for k, f in self._clerk_feeds.items() if f.sink is sink), None)
            feed = self._clerk_feeds.pop(key, None) if key is not None else None
        if feed is not None:
            feed.stop()

    def _stop_feed(self) -> None:
        feeds, self._clerk_feeds = self._clerk_feeds, {}
        for feed in feeds.values():
            feed.stop()
