"""Downloading LanguageTool once the user has agreed: progress, a damaged or cut-off download, cancelling."""

import threading

import pytest

from editor.grammar import DownloadError, download_languagetool
from tests.fixtures.languagetool import SNAPSHOT, release_zip

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
