import QtQuick
import QtQuick.Layouts
import PointOfPublic

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
    color: Theme.surface
    implicitHeight: Math.max(Theme.target, hint.visible ? hint.implicitHeight : 0) + 2 * Theme.spacing / 1.5
    border.color: Theme.border
    border.width: 1

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 1.5
        spacing: Theme.spacing
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
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.danger
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
            Layout.minimumWidth: Theme.target * 3
            onClicked: bar.nextClicked()
        }
    }
}
