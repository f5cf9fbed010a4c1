import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import PointOfPublic

// The on-screen keyboard. Main.qml loads it once the terminal has finished starting, not for
// the first frame: its plugin and layouts take ~50 ms, and the attract screen types nothing.
InputPanel {
    id: panel
    objectName: "inputPanel"

    function followLanguage() {
        // The keyboard's layout follows the citizen's language.
        VirtualKeyboardSettings.locale = Kiosk.language === "en" ? "en_GB" : "de_DE"
    }

    Connections {
        target: Kiosk
        function onLanguageChanged() { panel.followLanguage() }
    }
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["de_DE", "en_GB"]
        followLanguage()
    }
}
