import QtQuick
import QtQuick.Controls
import PointOfPublic

TextField {
    id: field
    property bool invalid: false
    property bool prefilled: false
    // A date (DD.MM.YYYY) typed on the digits pad: its "," becomes ".", and the dots come by
    // themselves after the day and the month (no pad has only digits and "."; the symbols
    // page offers @ # % & to a citizen typing a date).
    property bool dateInput: false
    // Read aloud as "digit entered", never its value (the card's access number, the passport's
    // data: ui/speech/screen_reader.py).
    property bool masked: false
    function formatDate() {
        // (An Arabic keypad types Arabic-Indic digits and "٫": the date is written in 0-9.)
        let typed = text.replace(/[\u0660-\u0669]/g, c => String.fromCharCode(c.charCodeAt(0) - 0x0660 + 48))
                        .replace(/[\u06F0-\u06F9]/g, c => String.fromCharCode(c.charCodeAt(0) - 0x06F0 + 48))
                        .replace(/[,\u066B]/g, ".")
        const dotsWhereExpected = typed.split("").every((c, i) => c !== "." || i === 2 || i === 5)
        if (/^[0-9.]*[0-9]$/.test(typed) && dotsWhereExpected) {
            const d = typed.replace(/\./g, "")
            typed = d.slice(0, 2) + (d.length > 2 ? "." + d.slice(2, 4) : "")
                    + (d.length > 4 ? "." + d.slice(4, 8) : "")
        }
        if (typed !== text) {
            // Edits, not an assignment: a binding on text stays.
            remove(0, length)
            insert(0, typed)
            cursorPosition = length
        }
    }
    font.pixelSize: Theme.bodySize
    color: Theme.text
    placeholderTextColor: Theme.muted
    implicitHeight: Theme.target
    leftPadding: Theme.spacing / 1.5
    readOnly: prefilled
    selectByMouse: false
    background: Rectangle {
        radius: Theme.radius / 2
        color: field.prefilled ? Theme.prefilled : Theme.surface
        border.width: field.activeFocus ? 5 : (field.invalid ? 4 : 2)
        border.color: field.activeFocus ? Theme.focus : (field.invalid ? Theme.danger : Theme.border)
    }
}
