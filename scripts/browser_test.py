#!/usr/bin/env python3
"""`make browser-test`: the sample site in headless Chromium.

    browser_test.py BINARY

Copies content/ to a temporary folder (the pages come from the built-in theme), starts `BINARY serve`
on it, and on a second copy whose write-ups have no figure blocks and whose
data has a site and a unit with 40-character names; then with Debian's
chromium and chromedriver:
  0. at 360 px, on every kind of page of both sites (home, campaigns, a
     campaign with figure blocks and one without, statistics, honour roll,
     a content page, search): every table cell lies inside the viewport and
     nothing scrolls sideways, neither the page nor a table; no cell of up to
     40 characters runs over three lines; no caption appears twice on a page;
     every chart label lies inside its chart, is at least 12 px high and
     overlaps no other label; the tables are still tables to assistive
     technology (roles in Chromium's accessibility tree); and every page
     built from both sites is at most 60 KB before images;
  1. takes screenshots of the home, a campaign with and one without figure
     blocks, statistics, honour-roll and a content page at 360 and 1280 px
     into docs/screenshots/;
  2. runs axe-core on those pages and the search page: no serious or critical
     finding is allowed;
  3. prints the campaign page to an A4 PDF (docs/screenshots/campaign-a4.pdf)
     and turns its pages into PNG with pdftoppm, to be looked at;
  4. searches "giot mau" and checks that the Hà Nội campaign is found and the
     others hidden;
  5. edits a write-up's title and measures how long the open page takes to
     show it, with no reload by hand; breaks the front matter, expects the
     error page, fixes it and expects the page back;
  6. on a third copy whose Cà Mau write-up ends with four phone photos
     (4000 × 3000 JPEG of about 4.5 MB each, made by scripts/photos.py and
     kept in /tmp/hienmau-phone-photos/, never committed): at 360 px, for a
     phone of device pixel ratio 1, 2 and 3, scrolls to the end and adds up
     the bytes the page loaded (resource timing); at most 400 KB at ratio 2.
     At 1280 px every photo comes from a candidate at least as wide as it is
     shown, and screenshots of a figure with its caption go to
     docs/screenshots/photo-figure-{360,1280}.png. Prints the weight the
     page had when photos were published as they are (the same page with
     the four files byte for byte) for comparison.
Exits non-zero on any failure and prints the measured figures.
"""
import base64
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from axe_selenium_python import Axe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import photos  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(REPO, "docs", "screenshots")
CAMPAIGN = "/chien-dich/hanh-trinh-giot-mau-nghia-tinh-2023/"
CA_MAU = "/chien-dich/cong-an-ca-mau-hien-667-don-vi-mau-giua-mua-dich-covid-19/"
# Screenshot name → (site, path); site "plain" is the copy without figure blocks.
PAGES = {"home": ("sample", "/"), "campaign": ("sample", CAMPAIGN), "campaign-plain": ("plain", CA_MAU),
         "stats": ("sample", "/thong-ke/"), "honours": ("sample", "/vinh-danh/"),
         "page": ("sample", "/gioi-thieu/")}
# Every kind of page, looked at on a 360 px phone.
PHONE_PAGES = [("sample", p) for p in ["/", "/chien-dich/", CAMPAIGN, CA_MAU, "/thong-ke/", "/vinh-danh/",
                                        "/gioi-thieu/", "/huong-dan-hien-mau/", "/tim-kiem/"]] + \
              [("plain", p) for p in [CAMPAIGN, CA_MAU, "/thong-ke/"]]
# Names of exactly 40 characters in the copy without figure blocks.
LONG_SITE = "Điểm hiến máu lưu động, Nhà Văn hoá tỉnh"
LONG_UNIT = "Phòng Cảnh sát Quản lý hành chính Cà Mau"
PAGE_LIMIT = 60 * 1024
failures = []

# Measures one page as laid out: tables, captions and chart labels.
PHONE_JS = r"""
const vw = document.documentElement.clientWidth;
const out = {width: vw, pageScroll: document.documentElement.scrollWidth - vw, cells: 0, outside: 0,
             outsideCells: [], maxLines: 0, maxLinesCell: "", longCells: [], wrapsScrolling: 0,
             captions: [], labels: 0, cutLabels: [], smallLabels: [], overlaps: [], minLabel: 999};
function lines(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const tops = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0)
    .map(r => r.top).sort((a, b) => a - b);
  let count = 0, last = -1e9;
  for (const top of tops) { if (top - last > 4) { count++; last = top; } }
  return count;
}
for (const cell of document.querySelectorAll("table th, table td")) {
  const r = cell.getBoundingClientRect();
  const text = cell.textContent.trim();
  if (r.width === 0 && r.height === 0) { if (text) out.outsideCells.push("hidden: " + text); continue; }
  out.cells++;
  if (r.left < -0.5 || r.right > vw + 0.5) { out.outside++; out.outsideCells.push(text.slice(0, 40)); }
  const n = lines(cell);
  if (n > out.maxLines) { out.maxLines = n; out.maxLinesCell = text.slice(0, 60); }
  if (n > 3) out.longCells.push([text.length, n, text.slice(0, 60)]);
}
for (const wrap of document.querySelectorAll(".table-wrap")) {
  if (wrap.scrollWidth > wrap.clientWidth + 1) out.wrapsScrolling++;
}
out.captions = Array.from(document.querySelectorAll("caption")).map(c => c.textContent.trim());
for (const svg of document.querySelectorAll("svg.chart")) {
  const box = svg.getBoundingClientRect();
  const texts = Array.from(svg.querySelectorAll("text"));
  const rects = texts.map(t => t.getBoundingClientRect());
  texts.forEach((t, i) => {
    out.labels++;
    const r = rects[i], m = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    out.minLabel = Math.min(out.minLabel, size);
    if (size < 12) out.smallLabels.push(t.textContent + " (" + size.toFixed(1) + " px)");
    // Two pixels of slack: a glyph such as "T" may overhang its origin by one.
    if (r.left < box.left - 2 || r.right > box.right + 2 || r.top < box.top - 2 || r.bottom > box.bottom + 2
        || r.left < -2 || r.right > vw + 2) out.cutLabels.push(t.textContent);
    for (let j = 0; j < i; j++) {
      const q = rects[j];
      if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1)
        out.overlaps.push(texts[j].textContent + " / " + t.textContent);
    }
  });
}
return out;
"""


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(width, ratio=1):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},900",
                 f"--force-device-scale-factor={ratio}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # A headless window is at least 500 px wide: the viewport is set to the width asked for.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": ratio, "mobile": width < 600})
    return driver


def full_page_screenshot(driver, width, path):
    """The whole page, however long, at the viewport's width."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def make_site(work, plain):
    """A copy of the sample; `plain`: without figure blocks, with 40-character names."""
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(work, "content"))
    if not plain:
        return
    folder = os.path.join(work, "content", "campaigns")
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"^```(stats|chart|honour-roll)[^\n]*\n.*?^```\n", "", text, flags=re.S | re.M)
        open(path, "w", encoding="utf-8").write(text)
    assert len(LONG_SITE) == 40 and len(LONG_UNIT) == 40
    with open(os.path.join(work, "content", "data", "donations.csv"), "a", encoding="utf-8") as f:
        for n in range(12):
            f.write(f"ca-mau-2020,2020-04-19,\"{LONG_SITE}\",Người hiến {n + 1},CM-LONG-{n},{LONG_UNIT},350,O+,,no\n")


PHONE_PHOTOS = os.path.join(tempfile.gettempdir(), "hienmau-phone-photos")
PHOTO_BUDGET = 400 * 1024


def phone_photos():
    """Four photos as a phone writes them, made once and kept outside the repository."""
    os.makedirs(PHONE_PHOTOS, exist_ok=True)
    paths = []
    for n, kind in enumerate(photos.KINDS):
        path = os.path.join(PHONE_PHOTOS, f"dien-thoai-{n + 1}.jpg")
        if not os.path.exists(path) or os.path.getsize(path) < 3_000_000:
            photos.write_jpeg(photos.scene(kind, 4000, 3000, seed=100 + n), path, quality=93,
                              gps=(9.1769, 105.1524), orientation=6 if n == 1 else None)
        paths.append(path)
    return paths


def make_photo_site(work):
    """The sample with four phone photos at the end of the Cà Mau write-up."""
    make_site(work, plain=False)
    lines = []
    for n, path in enumerate(phone_photos()):
        shutil.copy(path, os.path.join(work, "content", "images", os.path.basename(path)))
        lines.append(f"![Ảnh điện thoại số {n + 1} của buổi hiến máu](../images/{os.path.basename(path)})\n\n"
                     f"*Ảnh minh hoạ số {n + 1}: chụp bằng điện thoại, 4000 × 3000.*\n")
    with open(os.path.join(work, "content", "campaigns", "ca-mau-2020.md"), "a", encoding="utf-8") as f:
        f.write("\n## Ảnh\n\n" + "\n".join(lines))


PHOTO_JS = """
const done = arguments[arguments.length - 1];
(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += 300) {
    window.scrollTo(0, y);
    await new Promise(r => setTimeout(r, 60));
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  const images = Array.from(document.images);
  for (let i = 0; i < 200 && !images.every(img => img.complete); i++) await new Promise(r => setTimeout(r, 50));
  await new Promise(r => setTimeout(r, 300));
  const nav = performance.getEntriesByType("navigation")[0];
  const resources = performance.getEntriesByType("resource");
  const size = e => e.transferSize || e.encodedBodySize || 0;
  done({
    total: size(nav) + resources.reduce((a, e) => a + size(e), 0),
    images: resources.filter(e => e.initiatorType === "img").reduce((a, e) => a + size(e), 0),
    count: resources.filter(e => e.initiatorType === "img").length,
    complete: images.every(img => img.complete && img.naturalWidth > 0),
    chosen: images.map(img => ({src: img.currentSrc, shown: img.getBoundingClientRect().width, ratio: devicePixelRatio})),
  });
})();
"""


def photo_weight(base, path, ratio):
    """Loads `path` in a fresh 360 px browser of device pixel ratio `ratio`, scrolled to the end."""
    driver = browser(360, ratio)
    try:
        driver.set_script_timeout(30)
        driver.get(base + path)
        return driver.execute_async_script(PHOTO_JS)
    finally:
        driver.quit()


def element_screenshot(driver, width, css, path, index=0):
    """Element `index` of those `css` selects, with a margin, at the viewport's width."""
    box = driver.execute_script(f"""const e = document.querySelectorAll("{css}")[{index}]; e.scrollIntoView();
        const r = e.getBoundingClientRect(); return {{y: r.top + window.scrollY, h: r.height}};""")
    # A photo lower on the page loads once it is near the screen: wait for it.
    for _ in range(100):
        if driver.execute_script(f"""return Array.from(document.querySelectorAll("{css}")[{index}]
            .querySelectorAll("img")).every(img => img.complete && img.naturalWidth > 0);"""):
            break
        time.sleep(0.05)
    time.sleep(0.3)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": max(0, box["y"] - 16), "width": width, "height": box["h"] + 32, "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def photo_checks(binary, base, work):
    """Step 6: the weight of a page of four phone photos on a phone, and their sharpness on a wide screen."""
    built = os.path.join(work, "built")
    subprocess.run([binary, "build", "--output", built], cwd=work, check=True, stdout=subprocess.DEVNULL)
    page = os.path.join(built, CA_MAU.strip("/"), "index.html")
    # Before the image stage, every file the write-up showed was published byte for byte.
    source = open(os.path.join(work, "content", "campaigns", "ca-mau-2020.md"), encoding="utf-8").read()
    shown = set(re.findall(r"(?:\]\((?:\.\./)?(?:/?images/)?|^cover: )([\w.-]+\.jpg)", source, flags=re.M))
    originals = sum(os.path.getsize(os.path.join(work, "content", "images", n)) for n in shown)
    before = originals + os.path.getsize(page) + os.path.getsize(os.path.join(built, "style.css"))
    print(f"     before (the {len(shown)} photos of the page published byte for byte): {before / 1024 / 1024:.1f} MB")
    shutil.rmtree(built)
    for ratio in (1, 2, 3):
        m = photo_weight(base, CA_MAU, ratio)
        print(f"     360 px, device pixel ratio {ratio}, scrolled to the end: {m['total'] / 1024:.0f} KB in all, "
              f"{m['images'] / 1024:.0f} KB in {m['count']} images")
        check(m["complete"], f"every image of the photo page loaded at ratio {ratio}")
        if ratio == 2:
            check(m["total"] <= PHOTO_BUDGET, f"the page with four phone photos loads at most 400 KB at 360 px "
                                              f"(ratio 2): {m['total'] / 1024:.0f} KB")
    wide = browser(1280)
    try:
        wide.set_script_timeout(30)
        wide.get(base + CA_MAU)
        m = wide.execute_async_script(PHOTO_JS)
        soft = []
        for img in m["chosen"]:
            found = re.search(r"-(\d+)\.(webp|jpg)$", img["src"])
            if found and int(found.group(1)) < img["shown"] * img["ratio"] - 1:
                soft.append(f"{img['src'].rsplit('/', 1)[-1]} for {img['shown']:.0f} px")
        print(f"     1280 px: {len(m['chosen'])} images, {m['total'] / 1024:.0f} KB in all; candidates "
              + ", ".join(f"{c['src'].rsplit('-', 1)[-1]} for {c['shown']:.0f} px" for c in m["chosen"]))
        check(not soft, f"at 1280 px every photo is at least as wide as it is shown {soft}")
        wide.get(base + CAMPAIGN)
        # The second figure of the Hà Nội page: a caption from its title, then the credit line.
        element_screenshot(wide, 1280, "figure.photo", os.path.join(SHOTS, "photo-figure-1280.png"), 1)
    finally:
        wide.quit()
    phone = browser(360, 2)
    try:
        phone.get(base + CAMPAIGN)
        element_screenshot(phone, 360, "figure.photo", os.path.join(SHOTS, "photo-figure-360.png"), 1)
    finally:
        phone.quit()


def built_page_sizes(binary, work):
    """Every HTML page of a one-off build of the site in `work`: (size, path)."""
    out = os.path.join(work, "built")
    subprocess.run([binary, "build", "--content", "content", "--output", out],
                   cwd=work, check=True, stdout=subprocess.DEVNULL)
    sizes = []
    for folder, _, files in os.walk(out):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                sizes.append((os.path.getsize(path), os.path.relpath(path, out)))
    shutil.rmtree(out)
    return sorted(sizes)


def roles_in_accessibility_tree(driver):
    """How many nodes of each table role Chromium exposes, and how many the DOM has."""
    driver.execute_cdp_cmd("Accessibility.enable", {})
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    roles = {}
    for node in nodes:
        if node.get("ignored"):
            continue
        role = node.get("role", {}).get("value")
        roles[role] = roles.get(role, 0) + 1
    dom = driver.execute_script("""
        const shown = s => Array.from(document.querySelectorAll(s)).filter(e => e.getClientRects().length).length;
        return {table: shown("table"), rowheader: shown("th[scope=row]"), columnheader: shown("th[scope=col]"),
                cell: shown("td")};""")
    return {k: roles.get(k, 0) for k in dom}, dom


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="hienmau-browser-")
    plain_work = tempfile.mkdtemp(prefix="hienmau-browser-plain-")
    photo_work = tempfile.mkdtemp(prefix="hienmau-browser-photos-")
    make_site(work, plain=False)
    make_site(plain_work, plain=True)
    make_photo_site(photo_work)

    # Page sizes, from a one-off build of each site (serve adds its reload script).
    for label, folder in [("sample", work), ("plain", plain_work)]:
        sizes = built_page_sizes(binary, folder)
        biggest = sizes[-1]
        print(f"     pages of the {label} site: {len(sizes)}, biggest {biggest[1]} at {biggest[0]} bytes")
        over = [f"{p} ({n} bytes)" for n, p in sizes if n > PAGE_LIMIT]
        check(not over, f"every page of the {label} site is at most 60 KB before images {over}")

    servers, bases = [], {}
    for label, folder in [("sample", work), ("plain", plain_work), ("photos", photo_work)]:
        port = free_port()
        servers.append(subprocess.Popen([binary, "serve", "--port", str(port)], cwd=folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        bases[label] = f"http://127.0.0.1:{port}"
    base = bases["sample"]
    os.makedirs(SHOTS, exist_ok=True)
    drivers = []
    try:
        for url in bases.values():
            port = int(url.rsplit(":", 1)[1])
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)

        # 6 first: the photos, while the machine is quiet.
        photo_checks(binary, bases["photos"], photo_work)

        # 0: every page kind on a 360 px phone.
        phone = browser(360)
        drivers.append(phone)
        driver = phone
        totals = {"cells": 0, "outside": 0, "maxLines": 0, "captionsTwice": 0, "labels": 0}
        min_label = 999.0
        for site, path in PHONE_PAGES:
            driver.get(bases[site] + path)
            m = driver.execute_script(PHONE_JS)
            where = f"{path} ({site}) at 360 px"
            if m["width"] != 360:
                check(False, f"the window is 360 px wide, not {m['width']}")
            twice = sorted({c for c in m["captions"] if m["captions"].count(c) > 1})
            totals["cells"] += m["cells"]
            totals["outside"] += m["outside"]
            totals["maxLines"] = max(totals["maxLines"], m["maxLines"])
            totals["captionsTwice"] += len(twice)
            totals["labels"] += m["labels"]
            min_label = min(min_label, m["minLabel"])
            print(f"     {where}: {m['cells']} cells, {m['outside']} outside, at most {m['maxLines']} lines "
                  f"(“{m['maxLinesCell']}”), {len(m['captions'])} captions, {m['labels']} chart labels"
                  + (f" from {m['minLabel']:.1f} px" if m["labels"] else ""))
            check(m["outside"] == 0 and not [c for c in m["outsideCells"] if c.startswith("hidden: ")],
                  f"{where}: every table cell lies inside the viewport and is shown {m['outsideCells'][:6]}")
            check(m["pageScroll"] <= 0 and m["wrapsScrolling"] == 0,
                  f"{where}: nothing scrolls sideways (page by {m['pageScroll']} px, {m['wrapsScrolling']} tables)")
            check(not [c for c in m["longCells"] if c[0] <= 40],
                  f"{where}: no cell of up to 40 characters runs over three lines {m['longCells'][:4]}")
            check(not twice, f"{where}: no caption appears twice {twice}")
            check(not m["cutLabels"] and not m["smallLabels"] and not m["overlaps"],
                  f"{where}: chart labels inside their charts, at least 12 px, not overlapping "
                  f"{(m['cutLabels'] + m['smallLabels'] + m['overlaps'])[:6]}")
            if m["cells"]:
                exposed, dom = roles_in_accessibility_tree(driver)
                check(all(exposed[k] >= dom[k] for k in dom),
                      f"{where}: tables keep their roles for assistive technology {exposed} (DOM {dom})")
        print(f"     at 360 px on {len(PHONE_PAGES)} pages: {totals['cells']} table cells, {totals['outside']} outside "
              f"the viewport, at most {totals['maxLines']} lines in a cell, {totals['captionsTwice']} captions "
              f"shown twice, {totals['labels']} chart labels, the smallest {min_label:.1f} px high")

        # 1 and 2: screenshots and axe at both widths.
        desktop = browser(1280)
        drivers.append(desktop)
        for width, driver in ((1280, desktop), (360, phone)):
            for name, (site, path) in list(PAGES.items()) + [("search", ("sample", "/tim-kiem/"))]:
                driver.get(bases[site] + path)
                if name in PAGES:
                    full_page_screenshot(driver, width, os.path.join(SHOTS, f"{name}-{width}.png"))
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
                for v in bad:
                    print(f"     axe {v['impact']}: {v['id']} on {path} at {width} px: {v['help']}")
                check(not bad, f"axe: no serious or critical finding on {path} at {width} px "
                               f"({len(results['violations'])} minor)")

        driver = desktop
        # 3: the campaign page as an A4 PDF.
        driver.get(base + CAMPAIGN)
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        options.background = True
        pdf = os.path.join(SHOTS, "campaign-a4.pdf")
        with open(pdf, "wb") as f:
            f.write(base64.b64decode(driver.print_page(options)))
        pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        count = int([l for l in pages.splitlines() if l.startswith("Pages:")][0].split()[1])
        for old in os.listdir(SHOTS):
            if old.startswith("campaign-a4-") and old.endswith(".png"):
                os.remove(os.path.join(SHOTS, old))
        subprocess.run(["pdftoppm", "-png", "-r", "50", pdf, os.path.join(SHOTS, "campaign-a4")], check=True)
        check(count >= 1 and "(A4)" in pages, f"campaign page prints to A4 ({count} pages)")

        # 4: search without diacritics.
        driver.get(base + "/tim-kiem/")
        box = driver.find_element(By.ID, "search-query")
        box.send_keys("giot mau")
        time.sleep(0.2)
        shown = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#search-results li") if li.is_displayed()]
        check(any("Giọt máu nghĩa tình" in t for t in shown) and not any("Cà Mau" in t for t in shown),
              f"search 'giot mau' finds Giọt máu nghĩa tình only: {shown}")
        driver.get(base + "/tim-kiem/?q=ca%20mau")
        shown = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#search-results li") if li.is_displayed()]
        check(len(shown) == 1 and "Cà Mau" in shown[0], f"search from the header's ?q=ca mau: {shown}")
        index = driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results li')).map(li => li.outerHTML).join('').length")
        print(f"     search index (list items with their folded text) on the sample site: {index} bytes")

        # 5: live reload after an edit, the error page, and back.
        driver.get(base + CAMPAIGN)
        source = os.path.join(work, "content", "campaigns", "ha-noi-2023.md")
        text = open(source, encoding="utf-8").read()
        old = "title: \"Hành trình “Giọt máu nghĩa tình” 2023\""
        check(old in text, "the Hà Nội write-up has the expected title line")
        latencies = []
        for n in range(5):
            title = f"Hành trình Giọt máu nghĩa tình, lần sửa {n + 1}"
            started = time.monotonic()
            open(source, "w", encoding="utf-8").write(
                text.replace(old, f'title: "{title}"\nslug: hanh-trinh-giot-mau-nghia-tinh-2023'))
            while time.monotonic() - started < 10:
                try:
                    if driver.find_element(By.TAG_NAME, "h1").text == title:
                        break
                except Exception:
                    pass
                time.sleep(0.01)
            latencies.append(time.monotonic() - started)
            time.sleep(0.3)
        latencies.sort()
        median = latencies[len(latencies) // 2]
        print(f"     edit → open page shows the new title: median {median * 1000:.0f} ms over 5 edits "
              f"({', '.join(f'{x * 1000:.0f}' for x in latencies)} ms)")
        check(max(latencies) < 1.0, "the open page updates within a second, with no reload by hand")

        open(source, "w", encoding="utf-8").write(text.replace("campaign: hn-2023", "campaign: [hn"))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "Trang chưa dựng được" not in driver.page_source:
            time.sleep(0.05)
        check("Trang chưa dựng được" in driver.page_source and "ha-noi-2023.md" in driver.page_source,
              "a broken front matter shows the error page, naming the file")
        open(source, "w", encoding="utf-8").write(text)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "Trang chưa dựng được" in driver.page_source:
            time.sleep(0.05)
        time.sleep(0.3)
        check(driver.find_element(By.TAG_NAME, "h1").text == "Hành trình “Giọt máu nghĩa tình” 2023",
              "fixing the file brings the page back without a restart")
    finally:
        for d in drivers:
            d.quit()
        for server in servers:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(plain_work, ignore_errors=True)
        shutil.rmtree(photo_work, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} browser check(s) failed")


if __name__ == "__main__":
    main()
