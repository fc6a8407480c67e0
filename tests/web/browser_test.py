#!/usr/bin/env python3
"""The browser build in a real browser (headless Chromium).

    browser_test.py SITE_DIR OUT_DIR

Serves SITE_DIR (what tools/web.sh builds) on localhost and
1. loads the page, waits for the ready title the app writes once its first results are
   on screen, saves a screenshot and checks it is the dashboard: the window's size, many
   colours, text-like detail (not a blank page or one flat colour);
2. loads it again with a share link that changes a lever and checks the KPIs the app
   reports differ from the plain load (and the link's lever is counted as changed);
3. loads a bad link and checks the page still comes up (the baseline, not a blank page).

Exits 77 (skipped, ctest SKIP_RETURN_CODE) with the reason when the site or Chromium is
missing. Screenshots: OUT_DIR/baseline.png, OUT_DIR/share_link.png, OUT_DIR/bad_link.png.
"""
import html
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib

SKIP = 77
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


def chromium(browser, url, *extra):
    cmd = [browser, "--headless=new", "--no-sandbox", "--use-angle=swiftshader",
           "--enable-unsafe-swiftshader", "--hide-scrollbars", "--mute-audio",
           "--window-size=%d,%d" % (WIDTH, HEIGHT), "--virtual-time-budget=30000", *extra, url]
    start = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    return done, time.monotonic() - start


def load(browser, url):
    """The page's DOM after its scripts ran: (title, kpis dict or None, seconds)."""
    done, seconds = chromium(browser, url, "--dump-dom")
    title = re.search(r"<title>(.*?)</title>", done.stdout, re.S)
    kpis = re.search(r'<pre id="kpis"[^>]*>(.*?)</pre>', done.stdout, re.S)
    return (html.unescape(title.group(1)) if title else "",
            json.loads(html.unescape(kpis.group(1))) if kpis else None, seconds, done)


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


def check_dashboard_picture(path):
    width, height, channels, rows = read_png(path)
    if (width, height) != (WIDTH, HEIGHT):
        fail("%s is %dx%d, expected %dx%d" % (path, width, height, WIDTH, HEIGHT))
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


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    site, out = sys.argv[1], sys.argv[2]
    if not os.path.isfile(os.path.join(site, "index.html")) or not os.path.isfile(os.path.join(site, "chokepoint.wasm")):
        print("SKIP: no browser build in %s (build it with tools/web.sh)" % site)
        return SKIP
    browser = find_chromium()
    if not browser:
        print("SKIP: no Chromium found (tools/web.sh installs it)")
        return SKIP
    os.makedirs(out, exist_ok=True)

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

        # 1. The plain page: ready, and a picture of the dashboard.
        title, plain, seconds, done = load(browser, base)
        print("plain load: title %r in %.1f s; KPIs %s" % (title, seconds, plain))
        if title != "Chokepoint ready" or not plain:
            fail("the page did not become ready (title %r)\n%s" % (title, done.stderr[-3000:]))
        if not plain["kpis"] or plain["changed_levers"] != 0 or plain["scenario"] != "baseline":
            fail("the plain load should show the baseline with no changed lever: %s" % plain)
        shot = os.path.join(out, "baseline.png")
        chromium(browser, base, "--screenshot=" + shot)
        check_dashboard_picture(shot)

        # 2. A share link changing a lever: another state, other KPIs.
        title, linked, seconds, done = load(browser, base + SHARE_LINK)
        print("share link: title %r in %.1f s; KPIs %s" % (title, seconds, linked))
        if title != "Chokepoint ready" or not linked:
            fail("the page with a share link did not become ready (title %r)" % title)
        if linked["changed_levers"] != 1:
            fail("the link's lever is not applied: %s" % linked)
        differ = [k for k in plain["kpis"] if k in linked["kpis"] and linked["kpis"][k] != plain["kpis"][k]]
        if not differ:
            fail("the share link's KPIs equal the plain load's: %s vs %s" % (linked["kpis"], plain["kpis"]))
        print("  KPIs that differ: " + ", ".join(differ))
        shot = os.path.join(out, "share_link.png")
        chromium(browser, base + SHARE_LINK, "--screenshot=" + shot)
        check_dashboard_picture(shot)

        # 3. A bad link: the baseline comes up all the same.
        title, bad, seconds, done = load(browser, base + BAD_LINK)
        print("bad link: title %r; KPIs %s" % (title, bad))
        if title != "Chokepoint ready" or not bad or bad["changed_levers"] != 0 or bad["kpis"] != plain["kpis"]:
            fail("a bad link should open the baseline: %s" % bad)
        shot = os.path.join(out, "bad_link.png")
        chromium(browser, base + BAD_LINK, "--screenshot=" + shot)
        check_dashboard_picture(shot)
    finally:
        server.terminate()
        server.wait()
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
