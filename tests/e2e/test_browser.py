"""The web UI in a real browser: headless Chromium from the system (``/usr/bin/chromium``) driven by
Playwright, against the app served by uvicorn on a free loopback port over a real store."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI

from tests.api.helpers import ApiEnv, build_env

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def served(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ApiEnv]]:
    env = build_env(corpus, tmp_path_factory.mktemp("browser-store"))
    with serving(env.app) as base:
        yield base, env
    env.store.close()


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and raw (filtered) scanlines of a PNG: enough to tell a blank image."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, size = 8, b"", (0, 0)
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos: pos + 8])
        chunk = data[pos + 8: pos + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return size[0], size[1], zlib.decompress(idat)


def check_screenshot(path: Path) -> None:
    width, height, raw = png_pixels(path.read_bytes())
    assert width >= 1000 and height >= 600
    assert len(set(raw)) > 50, f"{path} looks blank"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_search_document_and_situation(served: tuple[str, ApiEnv], browser: object,
                                       tmp_path: Path) -> None:
    base, _ = served
    shots = Path(os.environ.get("R2P_SCREENSHOTS", tmp_path))  # keep them to look at when set
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page.goto(base + "/")
    page.keyboard.type("Security Council decides")  # the search box has the focus
    page.keyboard.press("Enter")
    page.wait_for_selector(".hit")
    assert page.locator(".hit").count() >= 1
    assert page.locator(".hit mark").count() >= 1
    assert page.locator(".facets h2").count() >= 3
    shot = shots / "search.png"
    page.screenshot(path=str(shot), full_page=True)
    check_screenshot(shot)

    first = page.locator(".hit .sym").first
    symbol = first.inner_text()
    first.click()
    page.wait_for_selector(".doc-masthead")
    assert symbol in page.locator(".doc-masthead").inner_text()
    assert page.locator(".para:target").count() == 1  # the hit's paragraph anchor
    assert page.locator("a", has_text="Original PDF").count() == 1
    shot = shots / "document.png"
    page.screenshot(path=str(shot), full_page=True)
    check_screenshot(shot)

    page.locator("nav >> text=Situations").click()
    page.wait_for_selector("h1")
    links = page.locator("table.list tbody a")
    assert links.count() >= 1, "no situation linked from the sample documents"
    name = links.first.inner_text()
    links.first.click()
    page.wait_for_selector("#tl")
    assert name in page.locator("h1").inner_text()
    shot = shots / "situation.png"
    page.screenshot(path=str(shot), full_page=True)
    check_screenshot(shot)
    page.close()


def test_keyboard_reaches_search_first(served: tuple[str, ApiEnv], browser: object) -> None:
    base, _ = served
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base + "/documents")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.close()


def test_upload_form(served: tuple[str, ApiEnv], browser: object, corpus: Path, tmp_path: Path) -> None:
    base, env = served
    page = browser.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page.goto(base + "/documents")
    page.locator("nav >> text=Upload").click()
    page.wait_for_selector("form.upload")
    page.set_input_files("#file", str(corpus / "un-mixed-2025/S_RES_2784 (2025).en.pdf"))
    page.fill("#key", env.keys["reader"])
    page.click("form.upload button")
    page.wait_for_selector(".notice.error")
    assert "curator role" in page.locator(".notice.error").inner_text()
    assert page.input_value("#key") == ""  # the key is not written back into the page
    shots = Path(os.environ.get("R2P_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "upload.png"), full_page=True)
    check_screenshot(shots / "upload.png")
    page.set_input_files("#file", str(corpus / "un-mixed-2025/S_RES_2784 (2025).en.pdf"))
    page.fill("#key", env.keys["curator"])
    page.click("form.upload button")
    page.wait_for_selector(".doc-masthead", timeout=120_000)  # parsed, linked and embedded first
    assert page.url == base + "/documents/S/RES/2784%20%282025%29?stored=added"
    assert "S/RES/2784 (2025)" in page.locator(".doc-masthead").inner_text()
    assert env.keys["curator"] not in page.content()
    page.close()


def test_sign_in_when_reading_needs_a_key(served: tuple[str, ApiEnv], browser: object, tmp_path: Path) -> None:
    _, env = served
    with serving(env.new_app(read_access="key")) as base:
        context = browser.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(base + "/documents")
        assert page.url == base + "/login?next=%2Fdocuments"
        page.fill("#key", "r2p_0badc0de_wrong")
        page.click("form.login button")
        assert "not valid" in page.locator(".notice.error").inner_text()
        assert page.input_value("#key") == ""
        page.fill("#key", env.keys["reader"])
        page.click("form.login button")
        page.wait_for_selector("table.list")
        assert page.url == base + "/documents"
        cookie = next(c for c in context.cookies() if c["name"] == "r2p_session")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["value"] != env.keys["reader"]
        page.locator("table.list tbody a").first.click()
        page.wait_for_selector(".doc-masthead")
        pdf = page.request.get(base + (page.locator("a", has_text="Original PDF").get_attribute("href") or ""))
        assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
        shots = Path(os.environ.get("R2P_SCREENSHOTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "signed-in.png"), full_page=True)
        check_screenshot(shots / "signed-in.png")
        page.click("form.signout button")
        page.wait_for_selector("form.login")
        assert not [c for c in context.cookies() if c["name"] == "r2p_session"]
        page.goto(base + "/situations")
        assert page.url == base + "/login?next=%2Fsituations"
        context.close()
