import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import PointOfPublic

// The on-screen keyboard. Main.qml loads it once the terminal has finished starting, not for
// the first frame: its plugin and layouts take ~50 ms, and the attract screen types nothing.
InputPanel {
    id: panel
    objectName: "inputPanel"
    // The layout in use (the tests read it).
    readonly property string typingLocale: InputContext.locale

    function followLanguage() {
        // The keyboard's layout follows the citizen's language (its globe key offers German
        // and English too: addresses here are written in Latin letters).
        VirtualKeyboardSettings.activeLocales = [...new Set([Kiosk.keyboardLocale, "de_DE", "en_GB"])]
        VirtualKeyboardSettings.locale = Kiosk.keyboardLocale
    }

    Connections {
        target: Kiosk
        function onLanguageChanged() { panel.followLanguage() }
    }
    Component.onCompleted: {
        followLanguage()
        // A keypad's arrows walk the keys, its Enter presses one (ui/keypad.py).
        VirtualKeyboardSettings.arrowKeyNavigationEnabled = true
    }
}
