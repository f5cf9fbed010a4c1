"""Translation workflow with Qt's own tools.

    python tools/i18n.py update    # lupdate: qsTr()/translate() strings into common/texts/*.ts
    python tools/i18n.py release   # lrelease: compile the .ts files into the .qm files the UI loads
    python tools/i18n.py check     # fail if a string is untranslated or a .qm is stale

The source strings are English; German (the default) and English plural forms come from the
.ts files, which translators edit with Qt Linguist (``pyside6-linguist``). The files hold every
text a citizen reads: the screens' (QML and ui/) and those kiosk/, hub/ and common/ write off
the screen with ``texts.translate("Context", "source")`` (see common/texts).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.languages import SUPPORTED as LANGUAGES  # noqa: E402  (adding one adds its file)
from kiosk.languages import language  # noqa: E402

UI = ROOT / "ui"
I18N = ROOT / "common" / "texts"
#: Qt's %1 and %n, and the named {fields} of texts written off the screen.
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[a-z_]+\}")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install the project's dependencies first")
    return found


def sources() -> list[str]:
    files = sorted(UI.rglob("*.qml")) + sorted(UI.rglob("*.py"))
    for package in ("kiosk", "hub", "common"):
        files += sorted((ROOT / package).rglob("*.py"))
    return [str(p) for p in files]


def update(ts_dir: Path = I18N) -> None:
    for lang in LANGUAGES:
        subprocess.run(
            [
                _tool("lupdate"),
                "-silent",
                "-no-obsolete",
                *sources(),
                "-ts",
                str(ts_dir / f"pop_{lang}.ts"),
                "-source-language",
                "en",
                "-target-language",
                language(lang).base,  # (plural rules: Leichte Sprache's are German's)
            ],
            check=True,
        )


def release() -> None:
    for lang in LANGUAGES:
        subprocess.run(
            [
                _tool("lrelease"),
                "-silent",
                str(I18N / f"pop_{lang}.ts"),
                "-qm",
                str(I18N / f"pop_{lang}.qm"),
            ],
            check=True,
        )


def unfinished(ts: Path, lang: str) -> list[str]:
    """Messages a language still lacks (English needs only its plural forms)."""
    missing = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        plural = message.get("numerus") == "yes"
        if lang == "en" and not plural:
            continue
        if translation.get("type") == "unfinished":
            source = message.find("source")
            missing.append(source.text or "" if source is not None else "")
    return missing


def placeholders_differ(ts: Path) -> list[str]:
    """Translations whose %1, %2, %n … are not the source's: a value would go missing or a
    placeholder would show as it is."""
    wrong = []
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        expected = set(PLACEHOLDER.findall(source))
        for form in forms:
            if form and set(PLACEHOLDER.findall(form)) != expected:
                wrong.append(source)
                break
    return wrong


def check() -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            shutil.copy(I18N / f"pop_{lang}.ts", Path(tmp) / f"pop_{lang}.ts")
        update(Path(tmp))
        for lang in LANGUAGES:
            fresh = Path(tmp) / f"pop_{lang}.ts"
            for text in unfinished(fresh, lang):
                problems.append(f"pop_{lang}.ts: untranslated: {text!r}")
            for text in placeholders_differ(fresh):
                problems.append(f"pop_{lang}.ts: placeholders not those of {text!r}")
            committed = {
                m.findtext("source") for m in ET.parse(I18N / f"pop_{lang}.ts").iter("message")
            }
            current = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
            if committed != current:
                problems.append(f"pop_{lang}.ts is out of date: run python tools/i18n.py update")
            compiled = Path(tmp) / f"pop_{lang}.qm"
            subprocess.run(
                [_tool("lrelease"), "-silent", str(I18N / f"pop_{lang}.ts"), "-qm", str(compiled)],
                check=True,
            )
            qm = I18N / f"pop_{lang}.qm"
            if not qm.exists() or qm.read_bytes() != compiled.read_bytes():
                problems.append(f"pop_{lang}.qm does not match its .ts: run tools/i18n.py release")
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
