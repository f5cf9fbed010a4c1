import QtQuick
import QtQuick.Layouts

// Back on the left, the way forward on the right: the same place on every screen.
Rectangle {
    id: bar
    property alias backText: backButton.text
    property alias nextText: nextButton.text
    property bool backVisible: true
    property bool nextVisible: true
    property bool nextEnabled: true
    property string nextObjectName: "nextButton"
    // Said beside the way forward while it is disabled: why, and what to do.
    property string nextHint: ""
    signal backClicked()
    signal nextClicked()
    color: theme.surface
    implicitHeight: Math.max(theme.target, hint.visible ? hint.implicitHeight : 0) + 2 * theme.spacing / 1.5
    border.color: theme.border
    border.width: 1

    RowLayout {
        anchors.fill: parent
        anchors.margins: theme.spacing / 1.5
        spacing: theme.spacing
        KButton {
            id: backButton
            objectName: "backButton"
            visible: bar.backVisible
            text: qsTr("Back")
            onClicked: bar.backClicked()
        }
        Item { Layout.fillWidth: true; visible: !hint.visible }
        // A disabled button alone does not say why: the reason, next to it.
        Text {
            id: hint
            objectName: "nextHint"
            visible: bar.nextVisible && !bar.nextEnabled && bar.nextHint !== ""
            text: bar.nextHint
            font.pixelSize: theme.bodySize
            font.bold: true
            color: theme.danger
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignRight
            Layout.fillWidth: true
        }
        KButton {
            id: nextButton
            objectName: bar.nextObjectName
            visible: bar.nextVisible
            enabled: bar.nextEnabled
            primary: true
            text: qsTr("Next")
            Layout.minimumWidth: theme.target * 3
            onClicked: bar.nextClicked()
        }
    }
}
