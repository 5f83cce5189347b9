"""The standalone bundle, built and smoke-tested by packaging/build-bundle.sh.

The build takes about half a minute (minutes the first time, when it makes its
own venv), so it runs only when asked: COPYDESK_TEST_BUNDLE=1.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not os.environ.get("COPYDESK_TEST_BUNDLE"), reason="builds the bundle only when COPYDESK_TEST_BUNDLE=1")
def test_bundle_builds_and_passes_its_smoke_tests():
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build-bundle.sh")], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "built and smoke-tested" in result.stdout
    assert (ROOT / "dist" / "copydesk" / "copydesk").is_file()
