"""A network camera for the tests: MJPEG over HTTP (multipart/x-mixed-replace), as IP cameras
serve it, in a process of its own so that a test can stop it for real.

    python -m tests.support.mjpeg_server PORT FRAMES

Every connection gets FRAMES frames at 30 fps (frame n filled with grey level 8·n), then the
connection stays open with nothing more: a camera that stalls.
"""

from __future__ import annotations

import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import cv2
import numpy as np

BOUNDARY = b"frame"


class _Camera(BaseHTTPRequestHandler):
    frames = 0

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY.decode()}")
        self.end_headers()
        for n in range(self.frames):
            ok, jpeg = cv2.imencode(".jpg", np.full((240, 320, 3), (8 * n) % 256, np.uint8))
            assert ok
            data = jpeg.tobytes()
            head = b"--%s\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n"
            try:
                self.wfile.write(head % (BOUNDARY, len(data)) + data + b"\r\n")
                self.wfile.flush()
            except OSError:
                return  # the client went away
            time.sleep(1 / 30)
        time.sleep(3600)  # connected, and no more frames: a stalled camera

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    port, frames = int(sys.argv[1]), int(sys.argv[2])
    _Camera.frames = frames
    server = ThreadingHTTPServer(("127.0.0.1", port), _Camera)
    server.daemon_threads = True
    print("serving", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
