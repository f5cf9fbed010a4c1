"""The models QML binds to, one per screen or concern, as AusweisApp's QML models are.

Each is a QML singleton of the module ``PointOfPublic`` (``import PointOfPublic``); the
states they carry are enumerations QML compares by name (:mod:`ui.models.enums`). Actions are
typed slots that call the session directly, fenced by :func:`ui.models.context.action`.

======================  ==========================  ==========================================
QML name                class                       concern
======================  ==========================  ==========================================
``Kiosk``               :class:`KioskModel`         availability, language, municipality,
                                                    services, offline notice (attract, home,
                                                    top bar)
``Navigation``          :class:`NavigationModel`    screen, overlay, countdown, back, cancel,
                                                    finish, the clerk dialog
``Service``             :class:`ServiceModel`       the chosen service (service screen)
``Identify``            :class:`IdentifyModel`      ID card / passport (identify screen)
``Form``                :class:`FormModel`          the form's pages and fields (form screen)
``Photos``              :class:`PhotosModel`        camera photos (attachments screen)
``Preview``             :class:`PreviewModel`       the camera's live picture (any screen)
``Scan``                :class:`ScanModel`          a receipt's QR code instead of typing
``Call``                :class:`CallModel`          the video call to a clerk (an overlay)
``Review``              :class:`ReviewModel`        check, consent, send (review screen)
``Done``                :class:`DoneModel`          tracking number, delivery, receipt
``StatusLookup``        :class:`StatusLookupModel`  a status look-up's answer (status screen)
``Demo``                :class:`DemoModel`          sample cards, simulated printer (demo)
``Technician``          :class:`TechnicianModel`    the service mode (gesture, PIN, self-test,
                                                    enrolment)
``ReadAloud``           :class:`ReadAloudModel`     reading aloud: on, rate, volume, headset
``Theme``               :class:`ui.theme.Theme`     colours, sizes, larger text, contrast
======================  ==========================  ==========================================

Enumerations (uncreatable types, values compared by name, e.g. ``Screen.Review``): ``Screen``,
``OverlayState``, ``IdentifyState``, ``AccessKind``, ``Identification``, ``PrintState``,
``DeliveryState``, ``OutOfServiceReason``, ``FieldKind``, ``LookupState``, ``ScanState``,
``CallStep``.

One instance of each per QML engine (:func:`ui.models.context.bind`): the tests run several
interfaces in one process, one after another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlEngine

from kiosk.terminal import Terminal
from ui.models import enums as enums  # registers the enumerations with QML
from ui.models.call import CallModel
from ui.models.context import ModelContext, bind, unbind
from ui.models.demo import DemoControls, DemoModel, SessionDemoControls
from ui.models.done import DoneModel
from ui.models.form import FormModel
from ui.models.identify import IdentifyModel
from ui.models.kiosk import KioskModel
from ui.models.navigation import NavigationModel
from ui.models.photos import PhotosModel
from ui.models.preview import PreviewModel
from ui.models.read_aloud import ReadAloudModel
from ui.models.review import ReviewModel
from ui.models.scan import ScanModel
from ui.models.service import ServiceModel
from ui.models.status import StatusLookupModel
from ui.models.technician import TechnicianModel
from ui.theme import Theme

QML_MODULE = "PointOfPublic"

#: Everything the module offers QML: (QML name, class, singleton). What ``qmllint`` is told
#: (:mod:`ui.models.qmltypes`); the decorators on the classes are what QML itself is told.
QML_TYPES: tuple[tuple[str, type[QObject], bool], ...] = (
    ("Kiosk", KioskModel, True),
    ("Navigation", NavigationModel, True),
    ("Service", ServiceModel, True),
    ("Identify", IdentifyModel, True),
    ("Form", FormModel, True),
    ("Photos", PhotosModel, True),
    ("Preview", PreviewModel, True),
    ("Scan", ScanModel, True),
    ("Call", CallModel, True),
    ("Review", ReviewModel, True),
    ("Done", DoneModel, True),
    ("StatusLookup", StatusLookupModel, True),
    ("Demo", DemoModel, True),
    ("Technician", TechnicianModel, True),
    ("ReadAloud", ReadAloudModel, True),
    ("Theme", Theme, True),
    ("Screen", enums.Screen, False),
    ("OverlayState", enums.OverlayState, False),
    ("IdentifyState", enums.IdentifyState, False),
    ("AccessKind", enums.AccessKind, False),
    ("Identification", enums.Identification, False),
    ("PrintState", enums.PrintState, False),
    ("DeliveryState", enums.DeliveryState, False),
    ("OutOfServiceReason", enums.OutOfServiceReason, False),
    ("FieldKind", enums.FieldKind, False),
    ("LookupState", enums.LookupState, False),
    ("ScanState", enums.ScanState, False),
    ("CallStep", enums.CallStep, False),
)

if TYPE_CHECKING:
    from kiosk.session import Session


class Models:
    """All models of one running interface, over one terminal."""

    def __init__(self, terminal: Terminal, demo: DemoControls | None = None) -> None:
        self.context = ModelContext(terminal)
        self.theme = Theme()
        # Subscribed in this order: the language first (the app retranslates on it), the
        # screen last (a new screen finds its content up to date).
        self.kiosk = KioskModel(self.context)
        self.service = ServiceModel(self.context)
        self.identify = IdentifyModel(self.context)
        self.form = FormModel(self.context)
        self.photos = PhotosModel(self.context)
        self.preview = PreviewModel(self.context)
        self.scan = ScanModel(self.context)
        self.call = CallModel(self.context)
        self.review = ReviewModel(self.context)
        self.done = DoneModel(self.context)
        self.status_lookup = StatusLookupModel(self.context)
        self.technician = TechnicianModel(self.context)
        self.demo = DemoModel(
            self.context, demo or SessionDemoControls(lambda: self.context.session)
        )
        self.read_aloud = ReadAloudModel(self.context)
        self.navigation = NavigationModel(self.context)

    @property
    def session(self) -> Session | None:
        return self.context.session

    def all(self) -> list[QObject]:
        return [
            self.kiosk,
            self.service,
            self.identify,
            self.form,
            self.photos,
            self.preview,
            self.scan,
            self.call,
            self.review,
            self.done,
            self.status_lookup,
            self.demo,
            self.technician,
            self.read_aloud,
            self.navigation,
            self.theme,
        ]

    def bind(self, engine: QQmlEngine) -> None:
        """Make these the singletons QML sees in ``engine``."""
        bind(engine, self.all())

    def unbind(self, engine: QQmlEngine) -> None:
        unbind(engine)


__all__ = ["DemoControls", "Models", "SessionDemoControls"]
