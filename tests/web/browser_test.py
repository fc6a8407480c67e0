#!/usr/bin/env python3
"""The browser build in a real browser (headless Chromium).

    browser_test.py SITE_DIR OUT_DIR

Serves SITE_DIR (what tools/web.sh builds) on localhost and
1. loads the page, waits for the ready title the app writes once its first results are
   on screen, saves a screenshot and checks it is the dashboard: the window's size, many
   colours, text-like detail (not a blank page or one flat colour);
   The gzipped download must stay within 8 MB.
2. loads it again with a share link that changes a lever and checks the KPIs the app
   reports differ from the plain load (and the link's lever is counted as changed);
3. reloads and checks the session autosaved by the share link's page is still there
   (IndexedDB), so the app offers it back;
4. loads a bad link and checks the page still comes up (the baseline, not a blank page);
5. uploads (as the page's file picker does) a broken scenario, which gets the error panel,
   and a variant extending the library, which opens;
6. turns uncertainty on and checks the ensemble reports progress between frames (run in
   slices, the page never freezes) until the bands of all 200 members are in;
7. opens a link with lang=uk and checks the dashboard comes up in Ukrainian.
Also: one wheel notch over the lever list scrolls it about one step down; the app's
shortcuts (Ctrl+R, Ctrl+1, Ctrl+P...) do not reach the browser, other keys do; without WebGL 2
or a file of the site, the page says what failed in plain words.

Exits 77 (skipped, ctest SKIP_RETURN_CODE) with the reason when the site or Chromium is
missing. Screenshots: OUT_DIR/baseline.png, share_link.png, bad_link.png, reload_offers_session.png,
uncertainty.png, ukrainian.png, no_webgl2.png, no_wasm.png, no_data.png.
"""
import base64
import gzip
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib

SKIP = 77
MAX_DOWNLOAD = 8 * 1048576
BROKEN_UPLOAD = '{"extends": "scenarios/baseline.json", "set": {"us.remote_access_control": 42}}'
GOOD_UPLOAD = '{"extends": "scenarios/baseline.json", "name": "Mine", "set": {"us.remote_access_control": "on"}}'
SESSION_FILE = "/home/web_user/.local/share/chokepoint/session.json"
SESSION_JS = ("FS.analyzePath('%s').exists ? FS.readFile('%s', {encoding: 'utf8'}) : ''"
              % (SESSION_FILE, SESSION_FILE))
WIDTH, HEIGHT = 1600, 900
SHARE_LINK = "#scenario=baseline&lever=us.remote_access_control=on@2025-01"
BAD_LINK = "#scenario=baseline&lever=no.such_lever=on"


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """Headless Chromium driven over the DevTools protocol (--remote-debugging-pipe), so the
    test waits in real time for the page, however long the WebAssembly takes to compile."""

    def __init__(self, path):
        self.to_chrome_r, self.to_chrome_w = os.pipe()
        self.from_chrome_r, self.from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4 (copies first: the
        # pipes' own numbers may be 3 or 4).
        def fds():
            read_end, write_end = os.dup(self.to_chrome_r), os.dup(self.from_chrome_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
        self.proc = subprocess.Popen(
            [path, "--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
             "--hide-scrollbars", "--mute-audio", "--no-first-run", "--remote-debugging-pipe",
             "--window-size=%d,%d" % (WIDTH, HEIGHT), "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(self.to_chrome_r)
        os.close(self.from_chrome_w)
        self.buffer = b""
        self.next_id = 0

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome_w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\0" not in self.buffer:
                ready, _, _ = select.select([self.from_chrome_r], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    fail("Chromium did not answer %s within %d s" % (method, timeout))
                chunk = os.read(self.from_chrome_r, 1 << 20)
                if not chunk:
                    fail("Chromium exited during %s" % method)
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail("%s: %s" % (method, reply["error"]))
                return reply["result"]
        fail("Chromium did not answer %s within %d s" % (method, timeout))

    def open(self, url, before=None, blocked=None, pixel_ratio=1):
        """A new page of WIDTH x HEIGHT at url; returns its session id. before: a script run
        ahead of the page's own; blocked: URL patterns whose requests fail; pixel_ratio: the
        screen's devicePixelRatio (2: a high-DPI laptop)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": pixel_ratio, "mobile": False}, session)
        self.send("Page.enable", {}, session)
        if before:
            self.send("Page.addScriptToEvaluateOnNewDocument", {"source": before}, session)
        if blocked:
            self.send("Network.enable", {}, session)
            self.send("Network.setBlockedURLs", {"urls": blocked}, session)
        self.send("Page.navigate", {"url": url}, session)
        return session

    def evaluate(self, session, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        return result.get("result", {}).get("value")

    def screenshot(self, session, path):
        data = self.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except SystemExit:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def load(browser, url, timeout=90, before=None, blocked=None, pixel_ratio=1):
    """Opens url and waits for the ready title: (session, title, kpis or None, seconds)."""
    start = time.monotonic()
    session = browser.open(url, before, blocked, pixel_ratio)
    title = ""
    while time.monotonic() - start < timeout:
        title = browser.evaluate(session, "document.title") or ""
        if title == "Chokepoint ready" or title.startswith("Chokepoint failed"):
            break
        time.sleep(0.2)
    seconds = time.monotonic() - start
    kpis = None
    if title == "Chokepoint ready":
        kpis = json.loads(browser.evaluate(session, "Module.ccall('chokepoint_kpis', 'string', [], [])"))
        time.sleep(0.5)  # a few more frames: the picture shows settled results
    return session, title, kpis, seconds


def read_png(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                fail("%s: unexpected PNG format (depth %d, colour type %d)" % (path, depth, colour))
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def check_high_dpi(browser, base, out, plain):
    """A high-DPI screen (devicePixelRatio 2): the canvas has the screen's pixels, twice the
    page's, and the interface is drawn at scale 2 (sharp text, not a blown-up picture)."""
    session, title, sharp, seconds = load(browser, base, pixel_ratio=2)
    size = browser.evaluate(session, "[canvas.width, canvas.height, innerWidth, innerHeight, devicePixelRatio]")
    print("devicePixelRatio 2: title %r; canvas %s; %s" % (title, size, sharp))
    if title != "Chokepoint ready" or not sharp or sharp["kpis"] != plain["kpis"]:
        fail("the page at devicePixelRatio 2 should show the baseline: %s" % sharp)
    if size[:2] != [2 * size[2], 2 * size[3]] or sharp["ui_scale"] != 2:
        fail("at devicePixelRatio 2 the canvas should be twice the page (%s) and the UI at scale 2 (%s)"
             % (size, sharp["ui_scale"]))
    # The mouse lands where it points: the page's coordinates become the canvas's. The first
    # lever's check box ("US advanced-chip controls") is at (32, 129) of the 1600x900 page.
    for kind in ("mousePressed", "mouseReleased"):
        browser.send("Input.dispatchMouseEvent",
                     {"type": kind, "x": 32, "y": 129, "button": "left", "clickCount": 1}, session)
        time.sleep(0.2)
    time.sleep(0.5)
    clicked = json.loads(browser.evaluate(session, "Module.ccall('chokepoint_kpis', 'string', [], [])"))
    if clicked["changed_levers"] != 1:
        fail("at devicePixelRatio 2 a click on the first lever's check box changed %d levers"
             % clicked["changed_levers"])
    shot = os.path.join(out, "high_dpi.png")
    browser.screenshot(session, shot)
    width, height = read_png(shot)[:2]
    if (width, height) != (2 * WIDTH, 2 * HEIGHT):
        fail("%s is %dx%d, expected %dx%d" % (shot, width, height, 2 * WIDTH, 2 * HEIGHT))
    # The page zoomed (or moved to another screen): the fonts are made again at the new scale.
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1.5, "mobile": False}, session)
    time.sleep(1.0)
    zoomed = json.loads(browser.evaluate(session, "Module.ccall('chokepoint_kpis', 'string', [], [])"))
    size = browser.evaluate(session, "[canvas.width, canvas.height]")
    print("devicePixelRatio 1.5 after loading: canvas %s, ui_scale %s" % (size, zoomed["ui_scale"]))
    if zoomed["ui_scale"] != 1.5 or size != [WIDTH * 3 // 2, HEIGHT * 3 // 2]:
        fail("after a zoom to devicePixelRatio 1.5 the canvas is %s and the UI scale %s" % (size, zoomed["ui_scale"]))
    browser.screenshot(session, os.path.join(out, "zoomed.png"))
    check_dashboard_picture(os.path.join(out, "zoomed.png"), (WIDTH * 3 // 2, HEIGHT * 3 // 2))


def check_dashboard_picture(path, size=(WIDTH, HEIGHT)):
    width, height, channels, rows = read_png(path)
    if (width, height) != size:
        fail("%s is %dx%d, expected %dx%d" % (path, width, height, size[0], size[1]))
    colours = set()
    changes = 0  # horizontal colour changes: text, lines and edges
    for y in range(0, height, 4):
        row = rows[y]
        last = None
        for x in range(0, width * channels, channels * 2):
            px = row[x:x + 3]
            colours.add(px)
            if last is not None and px != last:
                changes += 1
            last = px
    print("  %s: %dx%d, %d colours, %d colour changes (sampled)" % (path, width, height, len(colours), changes))
    if len(colours) < 50 or changes < 5000:
        fail("%s does not look like the dashboard (%d colours, %d changes): blank or one flat colour?"
             % (path, len(colours), changes))


def lever_scroll(browser, session):
    return json.loads(browser.evaluate(session, "Module.ccall('chokepoint_lever_scroll', 'string', [], [])"))


def check_wheel(browser, session):
    """One wheel notch down over the lever list scrolls it down by about one ImGui step: not
    to its end, not up (the browser's raw 100 pixels once went to ImGui as 100 steps up)."""
    x, y = 150, HEIGHT // 2
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y}, session)
    time.sleep(0.3)
    before = lever_scroll(browser, session)
    if "y" not in before or before["max"] < 3 * before["step"]:
        fail("the lever list should be long enough to scroll by a few steps: %s" % before)
    browser.send("Input.dispatchMouseEvent",
                 {"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": 100}, session)
    time.sleep(0.5)
    after = lever_scroll(browser, session)
    moved = after["y"] - before["y"]
    print("wheel: one notch down over the lever list: scroll %.0f -> %.0f of %.0f (a step is %.0f); "
          "ImGui got %.2f steps" % (before["y"], after["y"], after["max"], after["step"], after["wheel_steps"]))
    if abs(after["wheel_steps"] + 1) > 0.01:
        fail("one notch down should give ImGui one step down (-1), got %s" % after["wheel_steps"])
    if not 0.5 * after["step"] <= moved <= 1.5 * after["step"]:
        fail("one notch down should scroll the lever list down by about one step (%.0f px), it moved %.0f px"
             % (after["step"], moved))


def check_shortcut_keys(browser, session):
    """The app's shortcuts do not reach the browser (Ctrl+R reloaded the page and lost the
    work; Ctrl+1 switched tabs); other keys still do."""
    def prevented(code, key_code, ctrl=False, shift=False):
        return browser.evaluate(session, (
            "(() => { const e = new KeyboardEvent('keydown', {code: '%s', keyCode: %d, which: %d, ctrlKey: %s, "
            "shiftKey: %s, bubbles: true, cancelable: true}); document.getElementById('canvas').dispatchEvent(e);"
            " const up = new KeyboardEvent('keyup', {code: '%s', keyCode: %d, which: %d, bubbles: true});"
            " document.getElementById('canvas').dispatchEvent(up); return e.defaultPrevented; })()")
            % (code, key_code, key_code, "true" if ctrl else "false", "true" if shift else "false",
               code, key_code, key_code))
    app = {"Ctrl+R": prevented("KeyR", 82, ctrl=True), "Ctrl+1": prevented("Digit1", 49, ctrl=True),
           "Ctrl+P": prevented("KeyP", 80, ctrl=True), "Ctrl+Shift+S": prevented("KeyS", 83, ctrl=True, shift=True)}
    browser_keys = {"Ctrl+C": prevented("KeyC", 67, ctrl=True), "Ctrl+Shift+R": prevented("KeyR", 82, ctrl=True, shift=True),
                    "R": prevented("KeyR", 82)}
    print("keys kept from the browser: %s; left to it: %s" % (app, browser_keys))
    if not all(v is True for v in app.values()):
        fail("the app's shortcuts should not reach the browser: %s" % app)
    if any(browser_keys.values()):
        fail("keys the app does not bind should stay the browser's: %s" % browser_keys)


NO_WEBGL2 = ("(() => { const get = HTMLCanvasElement.prototype.getContext;"
             " HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {"
             " return kind === 'webgl2' ? null : get.call(this, kind, ...rest); }; })();")


def check_failure_messages(browser, base, out):
    """Without WebGL 2, or when a file of the site does not download, the page says so in
    plain words (which browsers work; which file, try reloading), not a blank page or
    emscripten's developer text."""
    cases = (("no_webgl2", NO_WEBGL2, None, ("WebGL 2", "Firefox", "Chrome")),
             ("no_wasm", None, ["*chokepoint.wasm"], ("chokepoint.wasm", "reload")),
             ("no_data", None, ["*chokepoint.data"], ("chokepoint.data", "reload")))
    for name, before, blocked, expected in cases:
        session, title, _, seconds = load(browser, base, timeout=30, before=before, blocked=blocked)
        time.sleep(1.0)  # later status updates must not overwrite the message
        shown = browser.evaluate(session, "(() => { const s = document.getElementById('status');"
                                          " return s && !s.hidden ? s.textContent : ''; })()") or ""
        browser.screenshot(session, os.path.join(out, name + ".png"))
        print("%s: title %r after %.1f s; the page says %r" % (name, title, seconds, shown))
        if not title.startswith("Chokepoint failed"):
            fail("%s: the page should report a failure, its title is %r" % (name, title))
        missing = [word for word in expected if word not in shown]
        developer = [word for word in ("Aborted", "ASSERTIONS", "Downloading", "NetworkError") if word in shown]
        if missing or developer:
            fail("%s: the message should name %s in plain words, it says %r" % (name, missing or expected, shown))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    site, out = sys.argv[1], sys.argv[2]
    if not os.path.isfile(os.path.join(site, "index.html")) or not os.path.isfile(os.path.join(site, "chokepoint.wasm")):
        print("SKIP: no browser build in %s (build it with tools/web.sh)" % site)
        return SKIP
    chromium = find_chromium()
    if not chromium:
        print("SKIP: no Chromium found (tools/web.sh installs it)")
        return SKIP
    os.makedirs(out, exist_ok=True)

    # What a browser downloads, gzip-compressed as static hosts serve it: at most 8 MiB.
    compressed = 0
    for name in ("index.html", "chokepoint.js", "chokepoint.wasm", "chokepoint.data"):
        with open(os.path.join(site, name), "rb") as f:
            compressed += len(gzip.compress(f.read(), 9))
    print("download: %.2f MB gzipped" % (compressed / 1048576))
    if compressed > MAX_DOWNLOAD:
        fail("the site is %.2f MB gzipped, over the %.0f MB budget" % (compressed / 1048576, MAX_DOWNLOAD / 1048576))

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", site], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = "http://127.0.0.1:%d/index.html" % port
        for _ in range(100):  # the server is up
            try:
                urllib.request.urlopen(base, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)

        browser = Browser(chromium)
        try:
            # 1. The plain page: ready, and a picture of the dashboard.
            session, title, plain, seconds = load(browser, base)
            print("plain load: title %r after %.1f s; %s" % (title, seconds, plain))
            if title != "Chokepoint ready" or not plain:
                fail("the page did not become ready (title %r, status %r)"
                     % (title, browser.evaluate(session, "(document.getElementById('status') || {}).textContent")))
            if not plain["kpis"] or plain["changed_levers"] != 0 or plain["scenario"] != "baseline":
                fail("the plain load should show the baseline with no changed lever: %s" % plain)
            shot = os.path.join(out, "baseline.png")
            browser.screenshot(session, shot)
            check_dashboard_picture(shot)
            print("figures: ready %.1f s after opening the page; first frame %.0f ms after main(); baseline run %.1f ms"
                  % (seconds, plain["first_frame_ms"], plain["run_ms"]))

            check_wheel(browser, session)
            check_shortcut_keys(browser, session)

            # 2. A share link changing a lever: another state, other KPIs.
            session, title, linked, seconds = load(browser, base + SHARE_LINK)
            print("share link: title %r after %.1f s; %s" % (title, seconds, linked))
            if title != "Chokepoint ready" or not linked:
                fail("the page with a share link did not become ready (title %r)" % title)
            if linked["changed_levers"] != 1:
                fail("the link's lever is not applied: %s" % linked)
            differ = [k for k in plain["kpis"] if k in linked["kpis"] and linked["kpis"][k] != plain["kpis"][k]]
            if not differ:
                fail("the share link's KPIs equal the plain load's: %s vs %s" % (linked["kpis"], plain["kpis"]))
            print("  KPIs that differ: " + ", ".join(differ))
            shot = os.path.join(out, "share_link.png")
            browser.screenshot(session, shot)
            check_dashboard_picture(shot)

            # 3. The autosaved session survives a reload: the share link's page wrote it
            #    (IndexedDB), a plain load reads it back and offers it.
            for _ in range(100):  # autosaved a few seconds after the change
                if "us.remote_access_control" in (browser.evaluate(session, SESSION_JS) or ""):
                    break
                time.sleep(0.2)
            time.sleep(1.5)  # copied to IndexedDB at most a second after it is written
            session, title, again, seconds = load(browser, base)
            saved = browser.evaluate(session, SESSION_JS)
            print("after a reload, the autosaved session: %r" % saved)
            if "us.remote_access_control" not in (saved or ""):
                fail("the autosaved session did not survive the reload")
            shot = os.path.join(out, "reload_offers_session.png")
            browser.screenshot(session, shot)

            # 4. A bad link: the baseline comes up all the same.
            session, title, bad, seconds = load(browser, base + BAD_LINK)
            print("bad link: title %r; %s" % (title, bad))
            if title != "Chokepoint ready" or not bad or bad["changed_levers"] != 0 or bad["kpis"] != plain["kpis"]:
                fail("a bad link should open the baseline: %s" % bad)
            shot = os.path.join(out, "bad_link.png")
            browser.screenshot(session, shot)
            check_dashboard_picture(shot)

            # 5. Uploads (what the page's file picker hands to the app): a broken file gets
            #    the error panel, a variant that extends the library opens.
            kpis_js = "Module.ccall('chokepoint_kpis', 'string', [], [])"
            for name, text in (("broken.json", BROKEN_UPLOAD), ("mine.json", GOOD_UPLOAD)):
                browser.evaluate(session, "FS.writeFile('/%s', %s); Module.ccall('chokepoint_open_upload', null,"
                                          " ['string'], ['/%s']); 1" % (name, json.dumps(text), name))
                time.sleep(1.0)
                browser.screenshot(session, os.path.join(out, "upload_" + name.replace(".json", ".png")))
                state = json.loads(browser.evaluate(session, kpis_js))
                print("upload %s: %s" % (name, state))
                if name == "broken.json" and (state["scenario"] != "broken" or not state["load_error"] or state["kpis"]):
                    fail("a broken upload should show the error panel, no KPIs: %s" % state)
                if name == "mine.json" and (state["scenario"] != "mine" or state["kpis"] == plain["kpis"]):
                    fail("the uploaded variant should open with its own KPIs: %s" % state)

            # 6. Uncertainty bands: the ensemble runs in slices between frames, so the page
            #    keeps drawing and reports progress until the bands are in.
            browser.evaluate(session, "Module.ccall('chokepoint_set_uncertainty', null, ['number'], [1]); 1")
            seen, started = set(), time.time()
            while time.time() - started < 240:
                state = json.loads(browser.evaluate(session, kpis_js))
                if state["bands_runs"] > 0:
                    break
                seen.add(state["uncertainty_done"])
                time.sleep(0.25)
            between = sorted(d for d in seen if 0 < d < 200)
            print("uncertainty: bands of %d runs after %.1f s; progress seen %s"
                  % (state["bands_runs"], time.time() - started, between[:8]))
            if state["bands_runs"] != 200:
                fail("the uncertainty bands did not arrive: %s" % state)
            if len(between) < 2:
                fail("the ensemble should report progress between frames, saw %s" % sorted(seen))
            shot = os.path.join(out, "uncertainty.png")
            browser.screenshot(session, shot)
            check_dashboard_picture(shot)

            check_failure_messages(browser, base, out)
            check_high_dpi(browser, base, out, plain)

            # 7. A link in Ukrainian opens the dashboard in Ukrainian (last: the language is
            #    remembered in the browser's settings).
            session, title, uk, seconds = load(browser, base + "#scenario=baseline&lang=uk")
            print("Ukrainian link: title %r; %s" % (title, uk))
            if title != "Chokepoint ready" or not uk or uk["language"] != "uk" or uk["kpis"] != plain["kpis"]:
                fail("a link with lang=uk should open the baseline in Ukrainian: %s" % uk)
            shot = os.path.join(out, "ukrainian.png")
            browser.screenshot(session, shot)
            check_dashboard_picture(shot)
        finally:
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
