import QtQuick
import QtQuick.Controls
import PointOfPublic

// The one button of the terminal: large, high-contrast, at least Theme.target high.
Button {
    id: control
    property bool primary: false
    property bool danger: false
    property string iconName: ""
    property int minHeight: Theme.target
    readonly property int iconSize: iconName !== "" ? Math.round(font.pixelSize * 1.4) : 0
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    topPadding: Theme.spacing / 3
    bottomPadding: Theme.spacing / 3
    implicitHeight: Math.max(minHeight, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(minHeight, implicitContentWidth + leftPadding + rightPadding)
    font.pixelSize: Theme.bodySize
    font.bold: primary
    // Reached by the keypad's arrows (ui/keypad.py), never by a touch: a touch keeps the
    // virtual keyboard's text field focused.
    focusPolicy: Qt.TabFocus
    Accessible.name: text

    readonly property color fill: !enabled ? Theme.background
                                  : primary ? Theme.accent
                                  : danger ? Theme.danger : Theme.surface
    readonly property color ink: !enabled ? Theme.muted
                                 : (primary || danger) ? Theme.accentText : Theme.text

    background: Rectangle {
        radius: Theme.radius
        color: control.fill
        opacity: control.down ? 0.8 : 1.0
        border.width: control.primary ? 0 : 3
        border.color: control.enabled ? (control.danger ? Theme.danger : Theme.accent) : Theme.border
        // The keypad's focus: a ring outside the button, in every colour scheme.
        FocusRing { visible: control.activeFocus }
    }
    contentItem: Item {
        // From the unwrapped text, so a button that has room never wraps.
        implicitWidth: control.iconSize + row.spacing + label.implicitWidth
        implicitHeight: Math.max(control.iconSize, label.implicitHeight)
        Row {
            id: row
            anchors.centerIn: parent
            spacing: control.iconSize > 0 ? Theme.spacing / 2 : 0
            Image {
                visible: control.iconSize > 0
                source: visible ? "image://icons/" + control.iconName + "/" + control.ink : ""
                sourceSize.width: control.iconSize
                sourceSize.height: control.iconSize
                anchors.verticalCenter: parent.verticalCenter
                cache: false
            }
            Text {
                id: label
                text: control.text
                font: control.font
                color: control.ink
                anchors.verticalCenter: parent.verticalCenter
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                // Wrap only when the button is narrower than the text (long German words).
                width: Math.min(implicitWidth, Math.max(0, control.availableWidth
                                - control.iconSize - row.spacing))
            }
        }
    }
}
