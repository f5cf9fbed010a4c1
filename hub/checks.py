"""Checking an opened submission against its service, with the terminal's own rules.

The same :func:`catalogue.validation.check_field` the kiosk runs decides here, against the
definition of the service *version* the citizen filled in (see :mod:`hub.archive`), with
"today" being the municipality's calendar day when the citizen submitted: ``submitted_at`` in
the catalogue's time zone, as the terminal counts it (a submission made at 00:05 local time is
judged by that day, not by the UTC date, which is still yesterday's; one delivered after a week
offline is judged by the day it was made). Problems name the field and the problem code, never
the value.
"""

from __future__ import annotations

from catalogue.model import Service
from catalogue.validation import check_field
from hub.archive import ServiceArchive
from hub.problems import ProblemError
from wire.api import ProblemType
from wire.submission import SubmissionData

#: How long a terminal should wait before it sends a submission for an unknown service
#: version again (the hub may get the catalogue that has it in the meantime).
UNKNOWN_VERSION_RETRY_S = 600


class UnknownServiceVersionError(ProblemError):
    """A service version this hub has never loaded: most likely the terminals got a new
    catalogue before the hub did. Not the submission's fault, so not a refusal (which would
    make the terminal dead-letter it): 503 with ``Retry-After``, and the terminal sends it again
    until the hub knows the version."""

    def __init__(self, service_id: str, version: int) -> None:
        super().__init__(
            503,
            ProblemType.UNAVAILABLE,
            f"This hub does not know version {version} of the service {service_id!r} yet; "
            "send it again later.",
            headers={"Retry-After": str(UNKNOWN_VERSION_RETRY_S)},
        )


def check_document(doc: SubmissionData, archive: ServiceArchive) -> tuple[Service, list[str]]:
    """The service version ``doc`` was made with, and what does not fit it (empty: valid).

    Raises :class:`UnknownServiceVersionError` if the hub has never seen that version.
    """
    service = archive.service(doc.service_id, doc.service_version)
    if service is None:
        raise UnknownServiceVersionError(doc.service_id, doc.service_version)
    problems: list[str] = []
    fields = {f.key: f for f in service.fields()}
    for key in doc.form:
        if key not in fields:
            problems.append(f"form.{key}: not a field of this service")
    try:
        today = archive.today(doc.submitted_at)
        for key, spec in fields.items():
            found = check_field(spec, doc.form.get(key), today)
            if found is not None:
                problems.append(f"form.{key}: {found.problem.value}")
    except OverflowError:
        # A submitted_at at the calendar's edge (year 1 or 9999 with an offset): no date can
        # be judged against it, and no terminal makes one.
        problems.append("submitted_at: not a plausible time")
    count = len(doc.attachments)
    if not service.attachments.min_photos <= count <= service.attachments.max_photos:
        problems.append(
            f"attachments: {count} photos, the service takes "
            f"{service.attachments.min_photos} to {service.attachments.max_photos}"
        )
    return service, problems
