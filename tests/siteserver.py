"""Serve a built site on 127.0.0.1 for the browser and link tests, as a static host would."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".csv": "text/csv; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml"}

    def end_headers(self):
        # LinkChecker checks at most ~3 URLs a second unless the server allows more with this header
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path):
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
