"""The submission a terminal sends to the hub: built from the session, sealed, parcelled.

The data document is ``pop.submission/1`` (see :mod:`wire.submission`): form values, which
fields came from the chip, the chip's signed files that those values come from (EF.SOD, DG1,
DG11, DG14/DG15, and the chip's Active Authentication signature — ``identity.evidence``, see
:mod:`wire.evidence`: the hub checks them itself; not the photo, DG2: DSGVO, collect only what
is needed), and for each photo its name, size and hash.
The photos travel as parts of their own.

:func:`seal_document` turns the plaintext into a :class:`~offline_queue.parcel.Parcel` sealed
for the hub's public key. It runs on the outbox worker thread right before the parcel is
stored, so no plaintext submission is ever written to the terminal's disk.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from catalogue.model import Service
from catalogue.validation import FieldValue
from drivers.camera.base import Photo
from drivers.card.base import DocumentData
from offline_queue.parcel import DATA_PART, Parcel, Part
from wire.evidence import encode_evidence
from wire.sealing import CONTENT_TYPE_DATA, CONTENT_TYPE_JPEG, seal

if TYPE_CHECKING:
    # The key is only handed through here; wire.sealing imports joserfc when it seals.
    from joserfc.jwk import RSAKey


@dataclass
class SubmissionDocument:
    id: str
    tracking_code: str
    #: The plaintext data document (UTF-8 JSON); blanked once sealed.
    data: bytes
    #: (name, JPEG bytes) of every photo, in order; the bytes belong to the session's photos.
    attachments: list[tuple[str, bytes]] = field(default_factory=list)

    def forget(self) -> None:
        self.data = b""
        self.attachments = []


def build_document(
    *,
    service: Service,
    values: dict[str, FieldValue],
    identity: DocumentData | None,
    prefilled: set[str],
    photos: list[Photo],
    terminal_id: str,
    language: str,
    started_at: datetime,
    submitted_at: datetime,
    submission_id: str,
    tracking_code: str,
    receipt_email: str = "",
    confirmed_in_call: str = "",
) -> SubmissionDocument:
    # Imported here, not at the top: the model brings pydantic, which the terminal needs only
    # when a citizen submits, not before its first frame.
    from wire.submission import (
        MAX_REASON_ACCEPTED,
        SCHEMA,
        AttachmentRef,
        DocumentType,
        Identity,
        ServiceRef,
        SubmissionData,
        document_errors,
    )

    attachments = [(f"photo-{i + 1}.jpg", bytes(photo.jpeg)) for i, photo in enumerate(photos)]
    evidence: dict[str, str] = {}
    if identity is not None and identity.evidence is not None and identity.evidence.sod:
        # The terminal's verdict below is for the terminal's log; the clerk sees the hub's,
        # computed from these files against the hub's own CSCA trust store.
        # With the chip's Active Authentication signature over this submission's challenge
        # (where the chip offers AA): the hub checks it against the id, so these files cannot
        # be replayed with another submission.
        evidence = encode_evidence(
            identity.evidence.sod, identity.evidence.data_groups, identity.evidence.aa_signature
        )
    # What the hub would refuse is refused here, as DocumentError (a bug: the session checked
    # every value against the catalogue, whose bounds are within the document's).
    with document_errors():
        document = SubmissionData(
            schema=SCHEMA,
            id=submission_id,
            tracking_code=tracking_code,
            service=ServiceRef(id=service.id, version=service.version),
            terminal_id=terminal_id,
            language=language,
            started_at=started_at,
            submitted_at=submitted_at,
            form={f.key: values[f.key] for f in service.fields() if f.key in values},
            identity=None
            if identity is None
            else Identity(
                document_type=DocumentType(identity.document_type.value),
                prefilled_fields=tuple(sorted(prefilled)),
                # How the chip was read and whether passive authentication vouched for it: the
                # clerk decides what an unverified document means for this service. Beyond
                # MAX_REASON_ACCEPTED a reason is junk the hub refuses: cut, never sent.
                access_protocol=identity.access_protocol,
                authenticity=identity.authenticity,
                authenticity_reason=identity.authenticity_reason[:MAX_REASON_ACCEPTED],
                evidence=evidence,
            ),
            attachments=tuple(
                AttachmentRef(
                    name=name,
                    media_type="image/jpeg",  # the one type a photo part has
                    size=len(jpeg),
                    sha256=hashlib.sha256(jpeg).hexdigest(),
                )
                for name, jpeg in attachments
            ),
            # Only when the printer could not print and the citizen asked for the receipt by mail.
            receipt_email=receipt_email,
            # Only when there is one: an empty call id is no call id (the model refuses it).
            **({"confirmed_in_call": confirmed_in_call} if confirmed_in_call else {}),
        )
    data = document.to_json()
    return SubmissionDocument(submission_id, tracking_code, data, attachments)


def seal_document(document: SubmissionDocument, hub_key: RSAKey) -> Parcel:
    """Seal every part for the hub; the terminal cannot open the result."""
    parts = [
        Part(name, seal(jpeg, hub_key, CONTENT_TYPE_JPEG).encode("ascii"))
        for name, jpeg in document.attachments
    ]
    parts.append(Part(DATA_PART, seal(document.data, hub_key, CONTENT_TYPE_DATA).encode("ascii")))
    return Parcel(
        submission_id=document.id,
        digest=hashlib.sha256(document.data).hexdigest(),
        parts=tuple(parts),
    )
