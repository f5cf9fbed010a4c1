"""Every sentence the core's outcomes turn into, translatable with Qt's tooling (lupdate reads
the ``translate`` calls here). Messages are written for citizens: never built from exception text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from catalogue.model import FieldKind
from catalogue.validation import FieldProblem, Problem
from drivers.card.base import ReadFailure
from drivers.printer.base import PrintOutcome
from kiosk.identify import AccessProblem
from kiosk.session import Delivery, SubmitFailure
from offline_queue.delivery_status import Connection, DeliveryStatus
from offline_queue.status_lookup import LookupOutcome
from wire.status import SubmissionStatus

_PART_NAMES = {
    "street": lambda: QCoreApplication.translate("Messages", "the street"),
    "house_number": lambda: QCoreApplication.translate("Messages", "the house number"),
    "postcode": lambda: QCoreApplication.translate("Messages", "the postcode"),
    "city": lambda: QCoreApplication.translate("Messages", "the town"),
}


def problem_text(p: FieldProblem, kind: FieldKind = FieldKind.TEXT, pattern_hint: str = "") -> str:
    match p.problem:
        case Problem.REQUIRED if kind in (FieldKind.CHOICE, FieldKind.YES_NO):
            return QCoreApplication.translate("Messages", "Please choose one of the options.")
        case Problem.REQUIRED:
            return QCoreApplication.translate("Messages", "Please fill in this field.")
        case Problem.TOO_SHORT:
            return QCoreApplication.translate(
                "Messages", "Please write at least %1 characters."
            ).replace("%1", p.limit)
        case Problem.TOO_LONG:
            return QCoreApplication.translate(
                "Messages", "Please write at most %1 characters."
            ).replace("%1", p.limit)
        case Problem.PATTERN:
            return pattern_hint or QCoreApplication.translate(
                "Messages", "This does not look right. Please check it."
            )
        case Problem.NOT_A_NUMBER:
            return QCoreApplication.translate(
                "Messages", "Please enter a number, for example 2 or 2,5."
            )
        case Problem.TOO_SMALL:
            return QCoreApplication.translate("Messages", "Please enter at least %1.").replace(
                "%1", p.limit
            )
        case Problem.TOO_LARGE:
            return QCoreApplication.translate("Messages", "Please enter at most %1.").replace(
                "%1", p.limit
            )
        case Problem.NOT_A_DATE:
            return QCoreApplication.translate(
                "Messages", "Please enter a date like 24.12.2026 (day.month.year)."
            )
        case Problem.DATE_TOO_EARLY:
            return QCoreApplication.translate("Messages", "The date cannot be before %1.").replace(
                "%1", p.limit
            )
        case Problem.DATE_TOO_LATE:
            return QCoreApplication.translate("Messages", "The date cannot be after %1.").replace(
                "%1", p.limit
            )
        case Problem.NOT_AN_EMAIL:
            return QCoreApplication.translate(
                "Messages", "This is not an email address. It looks like name@example.de."
            )
        case Problem.NOT_A_PHONE:
            return QCoreApplication.translate(
                "Messages", "Please enter a phone number with digits only, for example 0221 123456."
            )
        case Problem.NOT_A_POSTCODE:
            return QCoreApplication.translate(
                "Messages", "A postcode has five digits, for example 51147."
            )
        case Problem.NOT_A_TRACKING_NUMBER:
            return QCoreApplication.translate(
                "Messages", "The tracking number looks like 7K3M-Q9XD-2AF8. Please check it."
            )
        case Problem.NOT_A_CHOICE:
            return QCoreApplication.translate("Messages", "Please choose one of the options.")
        case Problem.ADDRESS_INCOMPLETE:
            part = _PART_NAMES.get(p.part, lambda: "")()
            return QCoreApplication.translate("Messages", "Please fill in %1.").replace("%1", part)
    return QCoreApplication.translate("Messages", "This does not look right. Please check it.")


def read_failure_text(failure: ReadFailure | None) -> str:
    match failure:
        case ReadFailure.UNREADABLE:
            return QCoreApplication.translate(
                "Messages",
                "Your ID card or passport could not be read. Please take it off, then place "
                "it flat on the reader again.",
            )
        case ReadFailure.UNSUPPORTED:
            return QCoreApplication.translate(
                "Messages",
                "This card is not an ID card or passport. Please use your ID card or passport.",
            )
        case ReadFailure.REMOVED_TOO_EARLY:
            return QCoreApplication.translate(
                "Messages",
                "Your ID card or passport was taken off too early. Please place it again and "
                "leave it until you hear the tone.",
            )
        case ReadFailure.ACCESS_DENIED:
            return QCoreApplication.translate(
                "Messages", "The document could not be opened. Please check the entered data."
            )
        case ReadFailure.NEEDS_MRZ:
            return QCoreApplication.translate(
                "Messages",
                # Said to passport holders: no "machine-readable zone" jargon.
                "This document is opened with three values printed on it. Please enter them below.",
            )
        case ReadFailure.PROTECTED:
            return QCoreApplication.translate(
                "Messages",
                "This card gives its data only to the online ID function, which this terminal "
                "does not offer yet. Please use your passport, or talk to a clerk.",
            )
        case ReadFailure.EXPIRED:
            return QCoreApplication.translate(
                "Messages", "This document has expired. Please use a valid ID card or passport."
            )
        case ReadFailure.NOT_GENUINE:
            # Active Authentication failed: a cloned or forged chip. No "try again": placing the
            # card again gives the same answer.
            return QCoreApplication.translate(
                "Messages",
                "The chip of this document could not prove that it is genuine, so this "
                "terminal cannot use it. Please talk to a clerk.",
            )
        case ReadFailure.NOT_VERIFIABLE:
            # The chip's signed data could not be read in full: the office could not check
            # the application. Placing it again rarely helps, but may (a badly placed card).
            return QCoreApplication.translate(
                "Messages",
                "The data on this document's chip could not be checked, so this terminal "
                "cannot use it. Please place it again, or use another ID card or passport.",
            )
    return ""


def submit_failure_text(failure: SubmitFailure | None) -> str:
    match failure:
        case SubmitFailure.STORAGE:
            return QCoreApplication.translate(
                "Messages",
                "Your application could not be saved on this terminal. Nothing is "
                "lost: your entries are still here. Please try again, or talk to a "
                "clerk.",
            )
        case SubmitFailure.INTERNAL:
            return QCoreApplication.translate(
                "Messages",
                "Something went wrong while saving. Your entries are still here. "
                "Please try again, or talk to a clerk.",
            )
    return ""


def print_text(outcome: PrintOutcome | None, printing: bool) -> str:
    if printing:
        return QCoreApplication.translate("Messages", "Your receipt is being printed …")
    match outcome:
        case PrintOutcome.PRINTED:
            return QCoreApplication.translate("Messages", "Please take your receipt.")
        case PrintOutcome.PRINTED_UNCONFIRMED:
            return QCoreApplication.translate(
                "Messages",
                "Your receipt has been printed, but the printer could not confirm it. Please "
                "take your receipt. If none came out, take a photo of the receipt on the screen.",
            )
        case PrintOutcome.PAPER_OUT:
            return QCoreApplication.translate(
                "Messages",
                "The printer has run out of paper. Your receipt is on the screen: please "
                "take a photo of it. Your application has been received all the same.",
            )
        case PrintOutcome.COVER_OPEN | PrintOutcome.OFFLINE | PrintOutcome.FAILED:
            return QCoreApplication.translate(
                "Messages",
                "The receipt could not be printed. Your receipt is on the screen: please "
                "take a photo of it. Your application has been received all the same.",
            )
    return ""


def receipt_on_screen_text() -> str:
    """Told before a service starts, when the printer cannot print."""
    return QCoreApplication.translate(
        "Messages",
        "The receipt printer is not working at the moment. You can still apply: at the end "
        "your receipt is shown on the screen (tracking number and QR code) for you to take a "
        "photo of.",
    )


def camera_unavailable_text() -> str:
    """Told before a service that takes photos starts, when the camera is not available."""
    return QCoreApplication.translate(
        "Messages",
        "The camera of this terminal is not available at the moment, so no photos can be "
        "taken here. If your application needs photos, please talk to a clerk or come back "
        "later.",
    )


def delivery_text(delivery: Delivery) -> str:
    """What the done screen says about where the submission is."""
    match delivery:
        case Delivery.SENT:
            return QCoreApplication.translate(
                "Messages", "It has been sent to the town hall and has arrived there."
            )
        case Delivery.QUEUED:
            return QCoreApplication.translate(
                "Messages",
                "It could not be sent yet: the terminal cannot reach the town hall at the "
                "moment. Your application is stored here, encrypted, and will be sent "
                "automatically. You do not need to do anything.",
            )
    return QCoreApplication.translate("Messages", "It is being sent to the town hall …")


def waiting_count(status: DeliveryStatus) -> int:
    """How many submissions the "offline" notice mentions; 0 hides it (QML words it)."""
    if status.connection in (Connection.ONLINE, Connection.UNKNOWN):
        return 0
    return status.depth


def storage_full_text() -> str:
    return QCoreApplication.translate(
        "Messages",
        "This terminal cannot take new applications at the moment because its storage is "
        "full. Please talk to a clerk, or come back later.",
    )


def access_problem_text(problem: AccessProblem) -> str:
    match problem:
        case AccessProblem.CAN_FORMAT:
            return QCoreApplication.translate("Messages", "The access number has six digits.")
        case AccessProblem.NUMBER_FORMAT:
            return QCoreApplication.translate(
                "Messages", "The document number has up to nine letters and digits."
            )
        case AccessProblem.BIRTH_FORMAT:
            return QCoreApplication.translate(
                "Messages", "Please enter the date of birth as DD.MM.YYYY."
            )
        case AccessProblem.EXPIRY_FORMAT:
            return QCoreApplication.translate(
                "Messages", "Please enter the expiry date as DD.MM.YYYY."
            )


def application_status_text(status: SubmissionStatus) -> str:
    """Where an application is, in a word or two (the status look-up screen)."""
    match status:
        case SubmissionStatus.RECEIVED:
            return QCoreApplication.translate("Messages", "Received")
        case SubmissionStatus.IN_PROGRESS:
            return QCoreApplication.translate("Messages", "Being processed")
        case SubmissionStatus.DONE:
            return QCoreApplication.translate("Messages", "Done")
        case SubmissionStatus.REJECTED:
            return QCoreApplication.translate("Messages", "Declined")


def lookup_text(outcome: LookupOutcome | None) -> str:
    """What the citizen is told when the look-up found nothing to show."""
    match outcome:
        case None:
            return QCoreApplication.translate("Messages", "Asking the town hall …")
        case LookupOutcome.FOUND:
            return ""
        case LookupOutcome.UNKNOWN:
            return QCoreApplication.translate(
                "Messages",
                "The town hall knows no application with this tracking number. "
                "Please check the number on your receipt.",
            )
        case LookupOutcome.BUSY:
            return QCoreApplication.translate(
                "Messages", "Many people are asking right now. Please try again in a moment."
            )
        case LookupOutcome.OFFLINE:
            return QCoreApplication.translate(
                "Messages",
                "The town hall cannot be reached at the moment. Please try again later, "
                "or use the address on your receipt.",
            )
        case LookupOutcome.REFUSED:
            return QCoreApplication.translate(
                "Messages",
                "This terminal cannot ask the town hall at the moment. Please use the "
                "address on your receipt.",
            )
