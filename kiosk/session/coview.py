"""The form seen together with the clerk in a call: the clerk's view is kept up to date, and a
value the clerk suggests waits, marked, until the citizen takes or leaves it.

Nothing the clerk sends changes the form by itself: the citizen decides. A field read from the
chip stays as it is (no suggestion for it is taken), and what the citizen took is marked on
the form as added by the town hall.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.session.core import Core
from kiosk.session.form import Form
from kiosk.session.states import Change

if TYPE_CHECKING:
    from kiosk.call.dialer import Link
    from kiosk.call.link import CallEvent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingSuggestion:
    """A clerk's suggestion as the citizen is asked about it."""

    key: str
    label: str
    #: The field's value now, and the suggested one, as they read (in the citizen's language).
    current: str
    suggested: str


class CoView:
    def __init__(self, core: Core, form: Form) -> None:
        self._core = core
        self._form = form

    def open(self, link: Link | None) -> None:
        """The clerk's side of the form is open (again, after a re-dial or a transfer): the
        chip's photo, if a document was read, then the form."""
        visit = self._core.visit
        if link is None or visit is None:
            return
        from kiosk.call.coview import photo_message

        photo = photo_message(visit)
        if photo is not None:
            link.share_form(photo)
        self.share(link)

    def share(self, link: Link | None) -> None:
        """Send the form as it is now to the clerk (in the terminal's first language)."""
        visit = self._core.visit
        if link is None or visit is None:
            return
        from kiosk.call.coview import form_snapshot

        link.share_form(form_snapshot(visit, self._core.setting.default_language))

    def suggested(self, link: Link | None, found: CallEvent) -> None:
        """The clerk suggests ``found.value`` for ``found.key``: it waits for the citizen."""
        from kiosk.call.coview import accepted_value
        from wire.coview import Suggestion

        visit = self._core.visit
        if visit is None:
            return
        suggestion = Suggestion(found.key, found.value)
        value = accepted_value(visit.service, visit, suggestion, self._core.today())
        if value is None:
            log.info("call: a suggestion the form cannot take was left aside")
        else:
            visit.suggested[found.key] = value
            visit.suggestion_answers.pop(found.key, None)
            self._core.changed(Change.CALL)
        self.share(link)  # the clerk sees it waiting (or not)

    def answer(self, link: Link | None, key: str, take: bool) -> None:
        """The citizen takes (``take``) or leaves the clerk's suggestion for ``key``."""
        visit = self._core.visit
        if visit is None or key not in visit.suggested:
            return
        value = visit.suggested.pop(key)
        taken = take and key not in visit.prefilled  # (read from the chip since: it stays)
        if taken:
            self._form.set_value(key, value)
            visit.from_clerk.add(key)
            self._core.changed(Change.FORM)
        visit.suggestion_answers[key] = "accepted" if taken else "declined"
        self._core.changed(Change.CALL)
        self.share(link)

    def pending(self) -> list[PendingSuggestion]:
        visit = self._core.visit
        if visit is None or visit.service is None or not visit.suggested:
            return []
        from kiosk.call.coview import shown

        language = self._core.language
        rows = []
        for spec in visit.service.fields():
            if spec.key in visit.suggested:
                rows.append(
                    PendingSuggestion(
                        spec.key,
                        spec.label.get(language),
                        shown(spec, visit.values.get(spec.key), language),
                        shown(spec, visit.suggested[spec.key], language),
                    )
                )
        return rows
