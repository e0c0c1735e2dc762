"""Headless Chromium for tests, driven over the DevTools protocol on a pipe (no port is opened, nothing fetched).

``chromium()`` finds Debian's ``chromium`` or skips the test, failing instead when GCMKG_REQUIRE_CHROMIUM=1
(``.ci/run`` sets it). ``Browser`` starts it with a throwaway profile; ``Browser.open`` loads a page and gives a
``Tab`` that evaluates JavaScript, sends mouse and key events, types, takes screenshots, and lists what the page
reported: uncaught exceptions, console messages, and error or warning log entries (a Content-Security-Policy
refusal, a blocked load). Reading the protocol's events rather than Chromium's stderr leaves its noise (D-Bus,
GPU) out of it.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import signal
import subprocess
from pathlib import Path
from typing import Any

from tests.programs import required

REQUIRE = "GCMKG_REQUIRE_CHROMIUM"
# Seconds to wait for any reply before failing: a guard against a hung browser, not a measure of speed.
REPLY_TIMEOUT = 60.0
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,800",
    "--remote-debugging-pipe",
)
# What the page says: exceptions, any console call (our page logs nothing), browser log entries at these levels.
LOG_LEVELS = ("error", "warning")


def chromium() -> str:
    """The chromium executable; skip the calling test without one, or fail when GCMKG_REQUIRE_CHROMIUM=1."""
    return required("chromium", REQUIRE, "chromium")


def _high(fd: int) -> int:
    """``fd`` moved to a number above 9, so the child's ``3<&N 4>&M`` redirections cannot clobber each other."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """One headless Chromium; chromium reads protocol messages on its fd 3 and writes them on its fd 4."""

    def __init__(self, executable: str, workdir: Path) -> None:
        to_browser, self._outgoing = (_high(fd) for fd in os.pipe())
        self._incoming, from_browser = (_high(fd) for fd in os.pipe())
        self._log_path = workdir / "chromium-stderr.txt"
        command = [executable, *FLAGS, f"--user-data-dir={workdir / 'profile'}", "about:blank"]
        with self._log_path.open("wb") as log:
            self.process = subprocess.Popen(
                ["bash", "-c", f'exec "$@" 3<&{to_browser} 4>&{from_browser}', "bash", *command],
                pass_fds=(to_browser, from_browser),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
            )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and return its result; the events that arrive meanwhile are kept in ``events``."""
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            data = data[os.write(self._outgoing, data) :]
        while True:
            reply = self._receive()
            if reply.get("id") != self._last_id:
                self.events.append(reply)
            elif "error" in reply:
                raise RuntimeError(f"{method}: {reply['error']}")
            else:
                return dict(reply.get("result", {}))

    def wait_for(self, method: str, session: str, **wanted: Any) -> dict[str, Any]:
        """The first event ``method`` of ``session`` whose params include ``wanted``, waiting for it if need be."""
        while True:
            for event in self.events:
                params = event.get("params", {})
                if (event.get("method"), event.get("sessionId")) == (method, session) and all(
                    params.get(key) == value for key, value in wanted.items()
                ):
                    return event
            self.events.append(self._receive())

    def open(self, url: str) -> Tab:
        """A new tab showing ``url``, once its load event has fired."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page"):  # before the page loads, so nothing it reports is missed
            self.send(f"{domain}.enable", session=session)
        self.send("Page.setLifecycleEventsEnabled", {"enabled": True}, session)
        loader = self.send("Page.navigate", {"url": url}, session)["loaderId"]
        self.wait_for("Page.lifecycleEvent", session, name="load", loaderId=loader)
        return Tab(self, session)

    def close(self) -> None:
        """Ask the browser to quit; kill its process group (by the PID that leads it) if it does not."""
        try:
            self.send("Browser.close")
        except (OSError, EOFError, TimeoutError):
            pass  # it may quit before it replies, or be hung: the wait below settles which
        try:
            self.process.wait(timeout=REPLY_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        finally:
            os.close(self._outgoing)
            os.close(self._incoming)

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._incoming], [], [], REPLY_TIMEOUT)
            if not ready:
                raise TimeoutError(f"chromium sent nothing for {REPLY_TIMEOUT:.0f} s; its stderr: {self._log_path}")
            chunk = os.read(self._incoming, 1 << 16)
            if not chunk:
                raise EOFError(f"chromium closed its DevTools pipe; its stderr: {self._log_path}")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(raw))


class Tab:
    """One page in the browser."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        result = self.browser.send("Runtime.evaluate", params, self.session)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def mouse(self, kind: str, x: float, y: float, **extra: Any) -> None:
        """A mouse event (mouseMoved, mousePressed, mouseReleased, mouseWheel) at viewport point (x, y)."""
        self.browser.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra}, self.session)

    def key(self, key: str, code: str, key_code: int, text: str = "") -> None:
        """Press and release one key on whatever has the focus; ``text`` is what it types ("\r" for Enter)."""
        fields = {"key": key, "code": code, "windowsVirtualKeyCode": key_code}
        self.browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": text, **fields}, self.session)
        self.browser.send("Input.dispatchKeyEvent", {"type": "keyUp", **fields}, self.session)

    def type(self, text: str) -> None:
        """Type ``text`` into whatever has the focus, as an input method would."""
        self.browser.send("Input.insertText", {"text": text}, self.session)

    def screenshot(self) -> bytes:
        """The page as the window shows it, as PNG bytes (after the next frame is drawn)."""
        self.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        shot = self.browser.send("Page.captureScreenshot", {"format": "png"}, self.session)
        return base64.b64decode(shot["data"])

    def problems(self) -> list[str]:
        """Everything the page reported so far: exceptions, console calls, error and warning log entries."""
        self.evaluate("0")  # a round trip: what the page reported before it has arrived
        found = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(f"exception: {details.get('exception', {}).get('description', details['text'])}")
            elif event["method"] == "Runtime.consoleAPICalled":
                words = [str(arg.get("value", arg.get("description", ""))) for arg in params["args"]]
                found.append(f"console.{params['type']}: {' '.join(words)}")
            elif event["method"] == "Log.entryAdded" and params["entry"]["level"] in LOG_LEVELS:
                found.append(f"log {params['entry']['level']}: {params['entry']['text']}")
        return found
