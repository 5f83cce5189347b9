"""Downloading LanguageTool once the user has agreed: progress, a damaged or cut-off download, cancelling."""

import io
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor.grammar import DownloadError, download_languagetool

SNAPSHOT = "20240101"  # language-tool-python keeps no checksum for snapshots


def release_zip(root="LanguageTool-6.3-SNAPSHOT") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{root}/languagetool-server.jar", b"jar")
        archive.writestr(f"{root}/README.md", b"LanguageTool")
    return buffer.getvalue()


@pytest.fixture
def serve():
    servers = []

    def start(body: bytes, status: int = 200):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=http.serve_forever, daemon=True).start()
        servers.append(http)
        return f"http://127.0.0.1:{http.server_address[1]}/LanguageTool.zip"

    yield start
    for http in servers:
        http.shutdown()
        http.server_close()


def test_a_download_reports_progress_and_installs_where_languagetool_is_looked_for(serve, tmp_path):
    body = release_zip()
    progress = []
    installation = download_languagetool(
        lambda done, total: progress.append((done, total)), version=SNAPSHOT, folder=tmp_path, url=serve(body)
    )
    assert progress[-1] == (len(body), len(body))
    assert (installation.directory / "languagetool-server.jar").read_bytes() == b"jar"
    assert [path.name for path in tmp_path.iterdir()] == [installation.directory.name]


def test_a_damaged_download_installs_nothing(serve, tmp_path):
    with pytest.raises(DownloadError, match="checksum is wrong"):
        download_languagetool(version="6.3", folder=tmp_path, url=serve(release_zip()))
    assert list(tmp_path.iterdir()) == []


def test_what_is_not_a_zip_is_refused(serve, tmp_path):
    with pytest.raises(DownloadError, match="not a usable LanguageTool archive"):
        download_languagetool(version=SNAPSHOT, folder=tmp_path, url=serve(b"<html>not found</html>"))
    assert list(tmp_path.iterdir()) == []


def test_a_server_error_is_named(serve, tmp_path):
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_languagetool(version=SNAPSHOT, folder=tmp_path, url=serve(b"gone", status=404))


def test_no_network_fails_fast_with_the_reason(tmp_path):
    with pytest.raises(DownloadError, match="connection refused"):
        download_languagetool(version=SNAPSHOT, folder=tmp_path, url="http://127.0.0.1:9/LanguageTool.zip")


def test_cancelling_stops_the_download_and_leaves_nothing(serve, tmp_path):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DownloadError, match="cancelled"):
        download_languagetool(version=SNAPSHOT, folder=tmp_path, url=serve(release_zip()), cancel=cancel)
    assert list(tmp_path.iterdir()) == []
