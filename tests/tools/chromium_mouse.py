#!/usr/bin/env python3
"""Hovers and clicks pages in headless Chromium with real mouse events.

    chromium_mouse.py PROFILE_DIR < CASES

Each line of CASES is "NAME URL X Y": open URL in a new tab, move the
mouse to (X, Y) from the top-left corner of the page's first <img>, then
press and release the left button there. The events go through the
DevTools protocol (Input.dispatchMouseEvent), so the browser hit-tests
the image map, sets :hover and follows a link as it does for a user.
For each case one line is printed:

    NAME tag=AREA title=a|b href=URL target=_blank went=URL page=TEXT

tag, title (lines joined by '|'), href and target are those of the
element the mouse hovers; went is the URL the click opened (in the same
tab or a new one) and page that page's text, both empty when the click
led nowhere. A case that cannot be run prints "NAME error=WHY".

Chromium is driven over --remote-debugging-pipe (NUL-terminated JSON on
file descriptors 3 and 4), so only Python's standard library is needed.
"""
import json
import os
import select
import shutil
import sys
import time

# How long a page may take to load, and a click to start a navigation:
# one on a link should within a moment; elsewhere we wait a little for
# one that should not come.
LOAD_SECONDS = 20
LINK_SECONDS = 5
NO_LINK_SECONDS = 1


class Browser:
    def __init__(self, profile):
        cmd_r, self.cmd_w = os.pipe()
        self.out_r, out_w = os.pipe()
        log = os.open(profile + ".log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        args = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-pipe", "--user-data-dir=" + profile,
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1200,900", "about:blank"]
        self.pid = os.posix_spawn(
            shutil.which("chromium"), args, os.environ,
            file_actions=[(os.POSIX_SPAWN_DUP2, cmd_r, 3),
                          (os.POSIX_SPAWN_DUP2, out_w, 4),
                          (os.POSIX_SPAWN_DUP2, log, 1),
                          (os.POSIX_SPAWN_DUP2, log, 2)])
        for fd in (cmd_r, out_w, log):
            os.close(fd)
        self.buf = b""
        self.last_id = 0
        self.events = []

    def read(self, timeout):
        """The next message, or None after timeout seconds or at the end."""
        end = time.monotonic() + timeout
        while b"\0" not in self.buf:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.out_r], [], [], left)[0]:
                return None
            chunk = os.read(self.out_r, 65536)
            if not chunk:
                return None
            self.buf += chunk
        message, self.buf = self.buf.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        """Sends a command and returns its result; events met are kept."""
        self.last_id += 1
        message = {"id": self.last_id, "method": method,
                   "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self.cmd_w, json.dumps(message).encode() + b"\0")
        while True:
            answer = self.read(LOAD_SECONDS)
            if answer is None:
                raise RuntimeError("no answer to " + method)
            if answer.get("id") == self.last_id:
                if "error" in answer:
                    raise RuntimeError(method + ": " +
                                       answer["error"]["message"])
                return answer["result"]
            self.events.append(answer)

    def wait(self, wanted, timeout):
        """The first event, kept or to come, for which wanted is true."""
        for i, event in enumerate(self.events):
            if wanted(event):
                return self.events.pop(i)
        end = time.monotonic() + timeout
        while True:
            event = self.read(max(0.0, end - time.monotonic()))
            if event is None:
                return None
            if wanted(event):
                return event
            self.events.append(event)

    def evaluate(self, session, expression):
        result = self.send("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True},
                           session)
        return result["result"].get("value")

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)


def attach(browser, target):
    session = browser.send("Target.attachToTarget",
                           {"targetId": target, "flatten": True})["sessionId"]
    browser.send("Page.enable", session=session)
    return session


def wait_loaded(browser, session):
    end = time.monotonic() + LOAD_SECONDS
    while browser.evaluate(session, "document.readyState") != "complete":
        if time.monotonic() > end:
            raise RuntimeError("the page did not load")
        time.sleep(0.05)


HOVERED = """(function () {
  var all = document.querySelectorAll(':hover'), e = all[all.length - 1];
  if (!e) return 'tag=none title= href= target=';
  return 'tag=' + e.tagName + ' title=' + (e.title || '').replace(/\\n/g, '|')
    + ' href=' + (e.href || '') + ' target=' + (e.target || '');
})()"""

LANDED = "location.href + ' page=' + " \
         "document.body.textContent.trim().replace(/\\s+/g, ' ')"


def opened_by(target, event):
    """Whether event tells of a page that a click in target opened."""
    method = event.get("method")
    if method == "Page.frameNavigated":
        frame = event["params"]["frame"]
        return "parentId" not in frame and frame["id"] == target
    if method in ("Target.targetCreated", "Target.targetInfoChanged"):
        info = event["params"]["targetInfo"]
        return info.get("openerId") == target and \
            info["url"] not in ("", "about:blank")
    return False


def run_case(browser, url, x, y):
    target = browser.send("Target.createTarget",
                          {"url": "about:blank"})["targetId"]
    session = attach(browser, target)
    browser.send("Page.navigate", {"url": url}, session)
    wait_loaded(browser, session)
    corner = browser.evaluate(
        session, "(function () { var r = document.querySelector('img')"
        ".getBoundingClientRect(); return [r.left, r.top]; })()")
    if corner is None:
        raise RuntimeError("no image on the page")
    x += corner[0]
    y += corner[1]
    browser.send("Input.dispatchMouseEvent",
                 {"type": "mouseMoved", "x": x, "y": y}, session)
    hovered = browser.evaluate(session, HOVERED)

    browser.events.clear()
    for kind in ("mousePressed", "mouseReleased"):
        browser.send("Input.dispatchMouseEvent",
                     {"type": kind, "x": x, "y": y, "button": "left",
                      "clickCount": 1}, session)
    event = browser.wait(lambda e: opened_by(target, e),
                         NO_LINK_SECONDS if " href= " in hovered
                         else LINK_SECONDS)
    went = "went= page="
    if event is not None and event["method"] == "Page.frameNavigated":
        wait_loaded(browser, session)
        went = "went=" + browser.evaluate(session, LANDED)
    elif event is not None:
        tab = event["params"]["targetInfo"]["targetId"]
        tab_session = attach(browser, tab)
        wait_loaded(browser, tab_session)
        went = "went=" + browser.evaluate(tab_session, LANDED)
        browser.send("Target.closeTarget", {"targetId": tab})
    browser.send("Target.closeTarget", {"targetId": target})
    return hovered + " " + went


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: chromium_mouse.py PROFILE_DIR < CASES")
    browser = Browser(sys.argv[1])
    try:
        browser.send("Target.setDiscoverTargets", {"discover": True})
        for line in sys.stdin:
            name, url, x, y = line.split()
            try:
                result = run_case(browser, url, float(x), float(y))
            except (RuntimeError, OSError, ValueError, KeyError) as e:
                result = "error=" + str(e)
            print(name, result, flush=True)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
