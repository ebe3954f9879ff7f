#!/usr/bin/env python3
"""`make browser-test`: the sample site in headless Chromium.

    browser_test.py BINARY

Copies content/ and templates/ to a temporary folder, starts `BINARY serve`
on it, and with Debian's chromium and chromedriver:
  1. takes screenshots of the home, a campaign, statistics and honour-roll
     pages at 360 and 1280 px into docs/screenshots/;
  2. runs axe-core on those pages and the search page: no serious or critical
     finding is allowed;
  3. prints the campaign page to an A4 PDF (docs/screenshots/campaign-a4.pdf)
     and turns its pages into PNG with pdftoppm, to be looked at;
  4. searches "giot mau" and checks that the Hà Nội campaign is found and the
     others hidden;
  5. edits a write-up's title and measures how long the open page takes to
     show it, with no reload by hand; breaks the front matter, expects the
     error page, fixes it and expects the page back.
Exits non-zero on any failure and prints the measured figures.
"""
import os
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

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(REPO, "docs", "screenshots")
CAMPAIGN = "/chien-dich/hanh-trinh-giot-mau-nghia-tinh-2023/"
PAGES = {"home": "/", "campaign": CAMPAIGN, "stats": "/thong-ke/", "honours": "/vinh-danh/"}
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},900",
                 "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def full_page_screenshot(driver, width, path):
    driver.set_window_size(width, 900)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height, 6000))
    time.sleep(0.2)
    driver.save_screenshot(path)


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="hienmau-browser-")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(REPO, "templates"), os.path.join(work, "templates"))
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    os.makedirs(SHOTS, exist_ok=True)
    drivers = []
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)

        # 1 and 2: screenshots and axe at both widths.
        for width in (1280, 360):
            driver = browser(width)
            drivers.append(driver)
            for name, path in list(PAGES.items()) + [("search", "/tim-kiem/")]:
                driver.get(base + path)
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
            driver.set_window_size(width, 900)

        driver = drivers[0]
        # 3: the campaign page as an A4 PDF.
        driver.get(base + CAMPAIGN)
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        options.background = True
        pdf = os.path.join(SHOTS, "campaign-a4.pdf")
        import base64
        with open(pdf, "wb") as f:
            f.write(base64.b64decode(driver.print_page(options)))
        pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        count = int([l for l in pages.splitlines() if l.startswith("Pages:")][0].split()[1])
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
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} browser check(s) failed")


if __name__ == "__main__":
    main()
