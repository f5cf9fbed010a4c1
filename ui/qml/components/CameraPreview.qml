import QtQuick
import QtMultimedia
import PointOfPublic

// The camera's live picture. Frames go from the camera straight into this output's video sink
// (ui/preview.py) while it is on screen; the camera rests when no preview is shown.
// Mirrored when citizens see themselves (a call), as a mirror; never for a document or a place,
// whose writing must read the right way round.
Rectangle {
    id: preview
    property bool mirrored: false
    color: "#202020"
    radius: Theme.radius
    clip: true

    VideoOutput {
        id: output
        objectName: "cameraPreview"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
        transform: Scale {
            origin.x: output.width / 2
            xScale: preview.mirrored ? -1 : 1
        }
        // Fed while it can be seen: a hidden preview lets the camera rest.
        readonly property bool feeding: preview.visible && Preview.live
        function follow(): void {
            if (feeding)
                Preview.attach(output.videoSink)
            else
                Preview.detach(output.videoSink)
        }
        onFeedingChanged: follow()
        Component.onCompleted: follow()
        Component.onDestruction: Preview.detach(output.videoSink)
    }
}
