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
    // A document page found in the picture: x, y of its four corners as shares of the
    // picture (top left, top right, bottom right, bottom left), drawn as an outline.
    property var corners: []
    property color outline: Theme.success
    onCornersChanged: outlineCanvas.requestPaint()
    onOutlineChanged: outlineCanvas.requestPaint()
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

        Canvas {
            id: outlineCanvas
            objectName: "pageOutline"
            anchors.fill: parent
            visible: preview.corners.length === 8
            onWidthChanged: requestPaint()
            onHeightChanged: requestPaint()
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                const c = preview.corners
                if (c.length !== 8)
                    return
                // The picture's own area inside the output (it keeps its aspect ratio).
                const r = output.contentRect
                ctx.strokeStyle = preview.outline
                ctx.lineWidth = Math.max(4, width / 160)
                ctx.lineJoin = "round"
                ctx.beginPath()
                for (let i = 0; i < 4; ++i) {
                    const x = r.x + c[2 * i] * r.width
                    const y = r.y + c[2 * i + 1] * r.height
                    if (i === 0)
                        ctx.moveTo(x, y)
                    else
                        ctx.lineTo(x, y)
                }
                ctx.closePath()
                ctx.stroke()
            }
        }
    }
}
