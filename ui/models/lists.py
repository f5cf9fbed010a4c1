"""List models QML binds to: the service tiles and the fields of the current form page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex

from catalogue.model import ADDRESS_PARTS, Field, FieldKind, Service
from ui.messages import problem_text
from ui.models.enums import FIELD_KIND_OF

if TYPE_CHECKING:
    from kiosk.session import Session

_Index = QModelIndex | QPersistentModelIndex

#: ``Qt.ItemDataRole``'s values, as plain numbers: PySide's ``Qt`` namespace costs ~20 ms to
#: build on first use, and these models exist before the first frame.
DISPLAY_ROLE = 0
USER_ROLE = 0x0100


class _RowsModel(QAbstractListModel):
    """A list of dicts; the dict keys are the role names."""

    ROLE_NAMES: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[dict[str, Any]] = []
        self._roles = {USER_ROLE + i: name for i, name in enumerate(self.ROLE_NAMES)}

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for role, name in self._roles.items()}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name = self._roles.get(role)
        return self._rows[index.row()].get(name) if name else None

    def replace(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def update(self, rows: list[dict[str, Any]], roles: tuple[str, ...]) -> None:
        """Change some roles of the same rows in place (keeps delegates and their focus)."""
        if len(rows) != len(self._rows):
            self.replace(rows)
            return
        self._rows = rows
        if rows:
            wanted = [r for r, n in self._roles.items() if n in roles]
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1), wanted)


class ServiceListModel(_RowsModel):
    ROLE_NAMES = ("serviceId", "title", "summary", "icon")

    def refresh(self, services: tuple[Service, ...], language: str) -> None:
        self.replace(
            [
                {
                    "serviceId": s.id,
                    "title": s.title.get(language),
                    "summary": s.summary.get(language),
                    "icon": s.icon,
                }
                for s in services
                if s.listed
            ]
        )


class FieldListModel(_RowsModel):
    ROLE_NAMES = (
        "key",
        "kind",
        "label",
        "help",
        "value",
        "parts",
        "required",
        "prefilled",
        "fromClerk",
        "problem",
        "problemPart",
        "choices",
        "scannable",
    )

    def __init__(self) -> None:
        super().__init__()
        self._page: tuple[str, int, str] | None = None

    def refresh(self, session: Session | None) -> None:
        page = session.page if session is not None else None
        if session is None or page is None or session.service is None:
            self._page = None
            self.replace([])
            return
        lang = session.language
        rows = [self._row(session, f, lang) for f in page.fields]
        key = (session.service.id, session.page_index, lang)
        if key == self._page:
            self.update(rows, ("problem", "problemPart", "value", "parts", "fromClerk"))
        else:
            self._page = key
            self.replace(rows)

    @staticmethod
    def _row(session: Session, f: Field, lang: str) -> dict[str, Any]:
        value = session.values.get(f.key)
        problem = session.problems.get(f.key)
        parts = value if isinstance(value, dict) else {}
        return {
            "key": f.key,
            "kind": int(FIELD_KIND_OF[f.kind]),
            "label": f.label.get(lang),
            "help": f.help.get(lang),
            "value": value if isinstance(value, str) else "",
            "parts": {p: parts.get(p, "") for p in ADDRESS_PARTS}
            if f.kind is FieldKind.ADDRESS
            else {},
            "required": f.required,
            "prefilled": f.key in session.prefilled,
            "fromClerk": f.key in session.from_clerk,
            "problem": problem_text(problem, f.kind, f.pattern_hint.get(lang)) if problem else "",
            "problemPart": problem.part if problem else "",
            "choices": [{"value": c.value, "label": c.label.get(lang)} for c in f.choices],
            # A receipt's QR code can fill it (a tracking number).
            "scannable": session.can_scan(f.key),
        }
