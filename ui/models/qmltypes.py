"""Writes the ``PointOfPublic`` QML module's type description (``qmldir`` + ``.qmltypes``), so
that ``qmllint`` checks QML against the models as they are, not as it guesses.

Read from the live meta-objects, not from the source: ``pyside6-metaobjectdump`` parses the
Python source and (PySide6 6.11) drops ``constant=True``, cannot read properties defined with a
lambda (the theme's) and needs string literals in decorators.

Usage: ``python -m ui.models.qmltypes OUT_DIR`` (writes ``OUT_DIR/PointOfPublic/``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QMetaMethod, QMetaObject, QObject

from ui.models import QML_MODULE, QML_TYPES


def meta_name(value: object) -> str:
    """Meta-object names come as ``str``, ``bytes`` or ``QByteArray`` (the stubs disagree)."""
    if isinstance(value, QByteArray):
        value = value.data()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode()
    return str(value)


def _string(value: object) -> str:
    return json.dumps(meta_name(value))


def _component(name: str, cls: type[QObject], singleton: bool) -> list[str]:
    mo: QMetaObject = getattr(cls, "staticMetaObject")  # noqa: B009 - not in the stubs
    out = [
        "    Component {",
        f"        name: {_string(mo.className())}",
        '        accessSemantics: "reference"',
        '        prototype: "QObject"',
        f"        exports: [{_string(f'{QML_MODULE}/{name} 1.0')}]",
        "        isCreatable: false",
        f"        isSingleton: {'true' if singleton else 'false'}",
        "        exportMetaObjectRevisions: [256]",
    ]
    for i in range(mo.enumeratorOffset(), mo.enumeratorCount()):
        enum = mo.enumerator(i)
        keys = ", ".join(_string(enum.key(k)) for k in range(enum.keyCount()))
        out += [
            "        Enum {",
            f"            name: {_string(enum.name())}",
            f"            isScoped: {'true' if enum.isScoped() else 'false'}",
            f"            values: [{keys}]",
            "        }",
        ]
    for i in range(mo.propertyOffset(), mo.propertyCount()):
        prop = mo.property(i)
        out += [
            "        Property {",
            f"            name: {_string(prop.name())}",
            f"            type: {_string(prop.typeName())}",
        ]
        if meta_name(prop.typeName()).endswith("*"):
            out[-1] = f"            type: {_string(meta_name(prop.typeName()).rstrip('*'))}"
            out.append("            isPointer: true")
        if prop.hasNotifySignal():
            out.append(f"            notify: {_string(prop.notifySignal().name())}")
        if prop.isConstant():
            out.append("            isConstant: true")
        if not prop.isWritable():
            out.append("            isReadonly: true")
        out.append("        }")
    for i in range(mo.methodOffset(), mo.methodCount()):
        method = mo.method(i)
        kind = "Signal" if method.methodType() is QMetaMethod.MethodType.Signal else "Method"
        out.append(f"        {kind} {{")
        out.append(f"            name: {_string(method.name())}")
        for n in range(method.parameterCount()):
            out += [
                "            Parameter {",
                f"                name: {_string(f'arg{n}')}",
                f"                type: {_string(method.parameterTypeName(n))}",
                "            }",
            ]
        out.append("        }")
    out.append("    }")
    return out


def qmltypes() -> str:
    lines = ["import QtQuick.tooling 1.2", "", "Module {"]
    for name, cls, singleton in QML_TYPES:
        lines += _component(name, cls, singleton)
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(out_dir: Path) -> Path:
    """Write the module's description under ``out_dir``; returns the module's folder."""
    folder = out_dir / QML_MODULE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pointofpublic.qmltypes").write_text(qmltypes(), encoding="utf-8")
    (folder / "qmldir").write_text(
        f"module {QML_MODULE}\ntypeinfo pointofpublic.qmltypes\ndepends QtQml\n",
        encoding="utf-8",
    )
    return folder


if __name__ == "__main__":
    write(Path(sys.argv[1]))
