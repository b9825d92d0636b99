"""Helpers for the rendering tests: the land measures 2020→2024 comparison, headless Chromium,
LibreOffice conversion.

``land_comparison()`` is ``lawdiff.diffing.compare`` on the shipped corpus (a 修订: aligned by
similarity).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from lawdiff.compare.comparison import Comparison
from lawdiff.compare.diffing import compare
from lawdiff.corpus.reader import Corpus

from .conftest import LAWS

LAND = "土地管理法实施办法"
OLD, NEW = "2020-11-27", "2024-03-28"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@cache
def land_comparison() -> Comparison:
    """The land measures 2020-11-27 → 2024-03-28 comparison, from the alignment engine."""
    return compare(Corpus(LAWS), LAND, OLD, NEW)


# ------------------------------------------------------------------ headless Chromium


def chromium_missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    for p in (CHROMIUM, CHROMEDRIVER):
        if not p.exists():
            return f"{p} not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed (pip install 'selenium>=4.11,<5')"
    return None


@contextmanager
def chromium(profile: Path, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium WebDriver with no network side traffic and a throwaway profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(options=opts, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


def full_page_png(driver: Any, width: int = 1280) -> bytes:
    """A screenshot of the whole page (CDP captureBeyondViewport), as PNG bytes."""
    import base64

    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    return base64.b64decode(shot["data"])


# ------------------------------------------------------------------ LibreOffice


def soffice() -> str | None:
    return shutil.which("soffice")


def to_pdf(docx: Path, outdir: Path, profile: Path) -> Path:
    """Convert with a fresh LibreOffice profile (safe in CI and when run concurrently)."""
    exe = soffice()
    assert exe is not None
    env = {**os.environ, "HOME": str(profile)}
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env=env,
    )
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.exists(), f"soffice wrote no {pdf}"
    return pdf
