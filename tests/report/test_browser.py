"""The HTML reports in a real browser: headless Chromium, driven by Selenium through chromedriver.

Reports are built for the seed and for a hostile statement of our own writing
(markup, script, `javascript:` links and Markdown in its text, in an actor name
and in a keyword). Every page must load with no console error and no request
leaving the file, every link must resolve, every figure must be visible, and
nothing from the statement may run: its markup shows as literal text.

Screenshots of the summary page at desktop and phone widths are saved in
``outputs/test-screenshots/`` for a person to look at.

Needs the Debian packages ``chromium`` and ``chromium-driver`` (``.ci/run``
installs them). Where they are missing the tests are skipped, except under CI
(``CI`` set), where a missing browser is a failure.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import FIXTURES, SEED

from readout.paths import PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
HOSTILE = FIXTURES / "hostile" / "hostile-pass.txt"
SCREENSHOTS = PROJECT_ROOT / "outputs" / "test-screenshots"
PAGES = ["index.html", "00-summary.html", "01-anatomy.html", "02-style.html", "03-tone.html", "04-topics.html",
         "05-actors.html", "files.html"]

if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("CI"):
        raise RuntimeError("the browser tests need the Debian packages chromium and chromium-driver (CI installs them)")
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402  (only once the browser is known to be there)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

# Run before any script of the page: record every dialog and every script element that runs.
WATCH = """
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = function (...args) { window.__dialogs.push(name + ':' + args.join(',')); };
}
"""


def long_statement(folder: Path) -> Path:
    """A statement of about 1,900 words and 90 sentences in 30 paragraphs, made of the project's own
    statements (the seed's body and the three demonstration statements' bodies, twice): the length of a
    long communiqué, for checking that pages and figures scale."""
    bodies = []
    for path in [SEED, *sorted((PROJECT_ROOT / "seeds" / "demo").glob("*.txt"))]:
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        bodies += [p for p in paragraphs if len(p.split()) > 20]  # the body, not the header lines
    text = "Joint Statement on Security Cooperation in Central America\n\nMarch 3, 2026\n\n" + "\n\n".join(bodies * 2)
    target = folder / "long-statement.txt"
    target.write_text(text + "\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Iterator[dict[str, tuple[subprocess.Popen, Path, Path]]]:
    """Reports for the seed, the hostile statement and a long statement, in one outputs folder, the comparison
    page for the seed, the demonstration statements and the hostile statement, and the diff of the seed and the
    hostile statement: the commands started at once (each waits on its kernels part of the time), each awaited by
    the fixture that needs it."""
    folder = tmp_path_factory.mktemp("browser")
    out, comparison, diff = folder / "outputs", folder / "comparison", folder / "diff"
    long = long_statement(folder)
    commands = {
        "reports": ([sys.executable, "-m", "readout", "run", str(SEED), str(HOSTILE), str(long), "--out", str(out),
                     "-p", "actors_path", str(FIXTURES / "hostile" / "hostile-actors.yaml"), "-f", str(_params(folder))],
                    out),
        "comparison": ([sys.executable, "-m", "readout", "compare", str(SEED.parent), str(PROJECT_ROOT / "seeds" / "demo"),
                        str(HOSTILE), "--out", str(comparison), "-p", "actors_path",
                        str(FIXTURES / "hostile" / "hostile-actors.yaml")], comparison / "index.html"),
        "diff": ([sys.executable, "-m", "readout", "diff", str(SEED), str(HOSTILE), "--out", str(diff)], diff),
    }
    started = {}
    for name, (command, result) in commands.items():
        log = folder / f"{name}.log"  # a file, not a pipe: neither command waits on a reader
        with open(log, "w") as output:
            started[name] = (subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=PROJECT_ROOT),
                             result, log)
    yield started
    for proc, _, _ in started.values():  # not awaited (a test failed first): stopped as Ctrl-C stops a run
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _built(builds: dict[str, tuple[subprocess.Popen, Path, Path]], name: str) -> Path:
    proc, result, log = builds[name]
    assert proc.wait() == 0, log.read_text()
    return result


@pytest.fixture(scope="module")
def reports(builds) -> Path:
    """The reports of the seed, the hostile statement and the long statement."""
    return _built(builds, "reports")


def _params(folder: Path) -> Path:
    params = folder / "params.yaml"
    params.write_text(json.dumps({"kwic_terms": ["<script>alert(5)</script>", "[x](javascript:alert(7))",
                                                 "smuggler"]}), encoding="utf-8")
    return params


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    yield driver
    driver.quit()


def _open(driver, page: Path) -> dict:
    """Load a page; return what happened: console errors, requests, dialogs."""
    driver.get_log("browser"), driver.get_log("performance")  # start from clean logs
    driver.get(page.as_uri())
    try:
        alert = driver.switch_to.alert.text
    except NoAlertPresentException:
        alert = None
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    return {
        "errors": [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"],
        "requests": requests,
        "dialogs": driver.execute_script("return window.__dialogs") if alert is None else [alert],
    }


def _report_folders(reports: Path) -> list[Path]:
    return sorted(p for p in reports.iterdir() if (p / "manifest.json").is_file())


def _report_pages(reports: Path) -> list[Path]:
    pages = [reports / "index.html"]
    for folder in _report_folders(reports):
        pages += [folder / name for name in PAGES]
    return pages


def test_the_harness_sees_dialogs_requests_and_errors(tmp_path, browser):
    """A page that does what a report must never do: the checks below would catch it."""
    canary = tmp_path / "canary.html"
    canary.write_text('<!DOCTYPE html><html><body><p>canary</p><script>alert(9); undefinedFunction();</script>'
                      '<img src="http://127.0.0.1:9/x.png"></body></html>', encoding="utf-8")
    seen = _open(browser, canary)
    assert seen["dialogs"] == ["alert:9"]
    assert any(u.startswith("http://127.0.0.1:9/") for u in seen["requests"])
    assert any("undefinedFunction" in e for e in seen["errors"])


def test_every_page_loads_offline_without_errors_or_dialogs(reports, browser):
    pages = _report_pages(reports)
    assert len(pages) == 1 + 3 * len(PAGES)
    for page in pages:
        seen = _open(browser, page)
        assert seen["errors"] == [], page
        assert seen["dialogs"] == [], page
        leaving = [u for u in seen["requests"] if not u.startswith(("file://", "data:"))]
        assert leaving == [], page


def test_every_link_resolves(reports, browser):
    for page in _report_pages(reports):
        browser.get(page.as_uri())
        hrefs = browser.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
        for href in hrefs:
            url = urlparse(href)
            assert url.scheme == "file", (page, href)  # nothing points off the page's folder, no javascript:
            target = Path(unquote(url.path))
            assert target.is_file(), (page, href)
            if url.fragment and target.suffix == ".html":
                html = target.read_text(encoding="utf-8")
                assert f'id="{unquote(url.fragment)}"' in html, (page, href)


def test_every_figure_is_visible(reports, browser):
    for folder in _report_folders(reports):
        for name in PAGES[2:-1]:
            browser.get((folder / name).as_uri())
            sizes = browser.execute_script(
                "return [...document.images].map(i => [i.naturalWidth, i.getBoundingClientRect().width,"
                " i.getBoundingClientRect().height])")
            assert sizes, (folder.name, name)
            assert all(n > 0 and w > 0 and h > 0 for n, w, h in sizes), (folder.name, name, sizes)


def test_statement_markup_is_literal_text_everywhere(reports, browser):
    hostile = next(p for p in reports.iterdir() if p.name.startswith("hostile"))
    for name in PAGES[1:-1]:
        browser.get((hostile / name).as_uri())
        text = browser.find_element(By.TAG_NAME, "body").text
        assert "<script>alert(1)</script>" in text, name  # in the page header's title, at least
        dom = browser.execute_script("""return {
            scripts: [...document.scripts].filter(s => s.textContent.includes('alert(')).length,
            injected: document.querySelectorAll('img[src="x"], iframe, a[href^="javascript:"], b[onmouseover]').length,
            hidden: getComputedStyle(document.body).display}""")
        assert dom == {"scripts": 0, "injected": 0, "hidden": "block"}, name
    anatomy = (hostile / "01-anatomy.html")
    browser.get(anatomy.as_uri())
    text = browser.find_element(By.TAG_NAME, "body").text
    for literal in ('<img src=x onerror="alert(2)">', "[plan](javascript:alert(3))",
                    '<a href="javascript:alert(4)">praised</a>', "**Bold claims**", "{{ 7*7 }}",
                    "<b onmouseover=alert(6)>Evil Ministry</b>"):
        assert literal in text, literal
    browser.get((hostile / "02-style.html").as_uri())
    browser.execute_script("for (const d of document.querySelectorAll('details')) d.open = true;")  # folded detail
    assert "<script>alert(5)</script>" in browser.find_element(By.TAG_NAME, "body").text  # a keyword parameter


# For every table of the page, with every folded block opened: does it fit its box, or does the box
# scroll it (and does scrolling move it)? Is any part of it cut off by a box that hides overflow?
TABLES = """
for (const d of document.querySelectorAll('details')) d.open = true;
const found = [];
for (const table of document.querySelectorAll('table')) {
  if (!table.getClientRects().length) continue;  // not displayed (the print-only copy)
  const rect = table.getBoundingClientRect();
  let box = null, clipped = null;
  for (let e = table.parentElement; e && e !== document.documentElement; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (!box && (style.overflowX === 'auto' || style.overflowX === 'scroll')) box = e;
    if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && e.scrollWidth > e.clientWidth + 1) {
      clipped = e.className || e.tagName;
    }
  }
  const edge = box ? box.getBoundingClientRect().right : window.innerWidth;
  let fits = rect.right <= Math.min(edge, window.innerWidth) + 1 && rect.left >= -1, scrolls = false;
  if (!fits && box && box.scrollWidth > box.clientWidth) {
    box.scrollLeft = 40; scrolls = box.scrollLeft > 0; box.scrollLeft = 0;
  }
  const head = table.querySelector('tr');
  found.push({table: (head ? head.textContent : '').trim().slice(0, 60), fits, scrolls, clipped});
}
return found;
"""


def _screenshot(browser, target: Path) -> int:
    """Save a PNG of the window to ``target``, encoded for speed rather than size (a third faster than Selenium's
    own, about a third larger); returns its size in bytes."""
    png = base64.b64decode(browser.execute_cdp_cmd("Page.captureScreenshot",
                                                   {"format": "png", "optimizeForSpeed": True})["data"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    target.write_bytes(png)
    return target.stat().st_size


def _table_problems(browser) -> list[dict]:
    return [t for t in browser.execute_script(TABLES) if t["clipped"] or not (t["fits"] or t["scrolls"])]


@pytest.mark.parametrize("width", [390, 1280])
def test_every_table_fits_or_scrolls_in_its_own_box_and_nothing_is_clipped(reports, comparison, browser, width):
    """At phone and desktop width, on every page (the long statement's included): each table fits its box
    or its box scrolls sideways, nothing reader-facing is cut off, and the page itself is no wider than
    the window. A screenshot of each page goes to outputs/test-screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    label = "phone" if width < 700 else "desktop"
    problems = {}
    try:
        for page in [*_report_pages(reports), comparison]:
            browser.set_window_size(width, 900)
            browser.get(page.as_uri())
            name = f"{page.parent.name}/{page.name}"
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (name, width, overflow)
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width, min(height + 50, 6000))
            shot = SCREENSHOTS / f"{page.parent.name}-{page.stem}-{label}.png"
            assert _screenshot(browser, shot) > 5_000, shot
            bad = _table_problems(browser)
            if bad:
                problems[name] = bad
    finally:
        browser.set_window_size(1280, 900)
    assert problems == {}, problems


def test_the_table_check_catches_a_clipped_table(tmp_path, browser):
    """The check above would catch what JupyterLab's own styles did on phones: a wide table whose box
    hides what does not fit, and a wide table with no box that scrolls."""
    wide = "<table><tr>" + "".join(f"<td>column{i}-with-long-text</td>" for i in range(30)) + "</tr></table>"
    page = tmp_path / "clipped.html"
    page.write_text(f'<!DOCTYPE html><html><body>'
                    f'<div style="display:table;table-layout:fixed;overflow:hidden;width:300px">'
                    f'<div style="display:table-row;overflow-x:auto">{wide}</div></div>'
                    f'<div style="overflow-x:auto;width:300px">{wide}</div></body></html>', encoding="utf-8")
    browser.set_window_size(390, 900)
    try:
        browser.get(page.as_uri())
        found = browser.execute_script(TABLES)
    finally:
        browser.set_window_size(1280, 900)
    assert [(t["fits"], t["scrolls"], bool(t["clipped"])) for t in found] == [(False, False, True),
                                                                             (False, True, False)]


@pytest.fixture(scope="module")
def comparison(builds) -> Path:
    """The comparison page for the seed, the demonstration statements and the hostile statement."""
    return _built(builds, "comparison")


def test_comparison_page_offline_figures_links_and_literal_text(comparison, browser):
    seen = _open(browser, comparison)
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert [u for u in seen["requests"] if not u.startswith(("file://", "data:"))] == []
    sizes = browser.execute_script(
        "return [...document.images].map(i => [i.naturalWidth, i.getBoundingClientRect().width,"
        " i.getBoundingClientRect().height])")
    assert len(sizes) == 4 and all(n > 0 and w > 0 and h > 0 for n, w, h in sizes), sizes
    hrefs = browser.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
    for href in hrefs:
        url = urlparse(href)
        assert url.scheme == "file" and Path(unquote(url.path)).is_file(), href
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "Comparison of 5 statements" in text and "<script>alert(1)</script>" in text  # a title, as text
    assert browser.execute_script("return [...document.scripts].filter(s => s.textContent.includes('alert(')).length") == 0
    browser.set_window_size(390, 900)
    try:
        assert browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        browser.set_window_size(1280, 900)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height + 50, 8000))
    shot = SCREENSHOTS / "comparison-desktop.png"
    assert _screenshot(browser, shot) > 10_000
    browser.set_window_size(1280, 900)


@pytest.fixture(scope="module")
def diff(builds) -> Path:
    """The diff report of the seed (A) and the hostile statement (B)."""
    return _built(builds, "diff")


@pytest.mark.parametrize("name", ["index.html", "redline.html"])
def test_diff_pages_offline_literal_text_links_and_phone_width(diff, browser, name):
    """The diff's page and its redline: no error, dialog or request leaving the file, every link resolves, the
    hostile statement's markup is text, and at 390 and 1280 px the page is no wider than the window (screenshots
    of both go to outputs/test-screenshots/)."""
    seen = _open(browser, diff / name)
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert [u for u in seen["requests"] if not u.startswith(("file://", "data:"))] == []
    hrefs = browser.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert any(h.endswith("/redline.html") for h in hrefs)  # the page links its redline, the redline its page
    assert name == "index.html" or any(h.endswith("/index.html") for h in hrefs)
    for href in hrefs:
        url = urlparse(href)
        assert url.scheme == "file" and Path(unquote(url.path)).is_file(), href
    targets = [urlparse(h).fragment for h in hrefs if "redline.html#" in h]
    assert name == "redline.html" or targets  # the findings link their sentences on the redline
    redline = (diff / "redline.html").read_text(encoding="utf-8")
    assert [t for t in targets if f'id="{t}"' not in redline] == []
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "<script>alert(1)</script>" in text and "<img src=x" in text
    assert browser.execute_script("return [...document.scripts].filter(s => s.textContent.includes('alert(')).length") == 0
    if name == "redline.html":  # the seed's sentences struck through, the hostile statement's underlined
        assert browser.execute_script("return document.querySelectorAll('main del').length") >= 12
        assert browser.execute_script("return document.querySelectorAll('main ins').length") >= 3
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for width, label in ((390, "phone"), (1280, "desktop")):
            browser.set_window_size(width, 900)
            browser.get((diff / name).as_uri())
            assert browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width, min(height + 50, 8000))
            assert _screenshot(browser, SCREENSHOTS / f"diff-{Path(name).stem}-{label}.png") > 5_000
    finally:
        browser.set_window_size(1280, 900)


# Where the summary's tone verdict and its actor line sit at phone width, and the first heading of each page
# with what follows it.
FIRST_SCREEN = """
const row = q => [...document.querySelectorAll('table.readout-headlines tr')].find(r => r.querySelector('th') &&
  r.querySelector('th').textContent.trim() === q);
const bottom = q => { const r = row(q); return r ? r.querySelector('td.readout-figure').getBoundingClientRect().bottom : null; };
return {tone: bottom('What tone does it take?'), toward: bottom('Toward whom?'), height: window.innerHeight};
"""
AFTER_HEADING = """
const h1 = document.querySelector('h1');
const order = [...document.querySelectorAll('h1, h2, table.readout-headlines')];
const next = order[order.indexOf(h1) + 1], after = order[order.indexOf(h1) + 2];
return {h1: h1 && h1.textContent.replace('¶', '').trim(),
        next: next && next.tagName === 'H2' ? next.textContent.replace('¶', '').trim() : next && next.tagName,
        after: after && after.tagName === 'TABLE' ? [...after.querySelectorAll('th[scope=row]')].map(t => t.textContent) : null};
"""


def test_the_report_opens_on_its_summary_with_tone_and_actors_on_a_phones_first_screen(reports, browser):
    """The report's index.html is its summary page, with the page menu (#25, items 2 and 7), and at 390 px
    the summary's tone verdict and the actor it is aimed at are within the first screen (844 px, a phone's)."""
    seed = next(p for p in _report_folders(reports) if p.name.startswith("000-"))
    assert (seed / "index.html").read_bytes() == (seed / "00-summary.html").read_bytes()
    # a phone's screen: 390 by 844 CSS pixels, the whole of it the page's (no window frame)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get((seed / "index.html").as_uri())
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("The statement at a glance")
        menu = browser.execute_script("return [...document.querySelectorAll('nav.readout-menu')][0].textContent")
        assert "Summary" in menu and "Files and tables" in menu
        seen = browser.execute_script(FIRST_SCREEN)
        assert (seen["height"], browser.execute_script("return window.innerWidth")) == (844, 390)
        assert seen["tone"] is not None and seen["toward"] is not None, seen
        assert seen["tone"] <= 844 and seen["toward"] <= 844, seen
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    # the files page is a page of its own, linked from every page's menu and provenance box
    browser.get((seed / "files.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == "Files and tables"
    browser.get((seed / "03-tone.html").as_uri())
    box = browser.execute_script("return document.getElementById('reproducing').innerHTML")
    assert 'href="files.html"' in box


@pytest.mark.parametrize(("page", "findings"), [
    ("01-anatomy.html", ["What is this statement?"]),
    ("02-style.html", ["How hard is it to read?"]),
    ("03-tone.html", ["What tone does it take?", "Toward whom?"]),
    ("04-topics.html", ["What is it about?", "What does it leave out?", "Which words stand out?"]),
    ("05-actors.html", ["Who speaks?", "Who credits whom?", "Who promises what?"]),
])
def test_each_page_opens_with_its_findings(reports, browser, page, findings):
    """Each page's first heading is followed by its answer: "In short", the summary's lines for the page's
    questions (#25, items 3 and 7), before any section of method or evidence."""
    seed = next(p for p in _report_folders(reports) if p.name.startswith("000-"))
    browser.get((seed / page).as_uri())
    seen = browser.execute_script(AFTER_HEADING)
    assert seen["next"] == "In short" and seen["after"] == findings, seen


def test_evidence_tables_quote_their_sentences(reports, browser):
    """Where a table names a sentence by its id, the page shows the sentence's opening words beside it and the
    whole sentence a tap away (#25, item 3): the events table of the actors page, for one."""
    seed = next(p for p in _report_folders(reports) if p.name.startswith("000-"))
    browser.get((seed / "05-actors.html").as_uri())
    quote = browser.execute_script("""
const table = [...document.querySelectorAll('table.readout-data')].find(t => t.querySelector('th') &&
  t.querySelector('th').textContent === 'sentence' && t.textContent.includes('how it was read'));
const fold = table.querySelector('details.readout-quote');
const shut = fold.getBoundingClientRect().height;
fold.open = true;
return {summary: fold.querySelector('summary').textContent, open: fold.textContent, grows: fold.getBoundingClientRect().height > shut};
""")
    assert quote["summary"].startswith("p1s2 “Today, the United States and Honduras held a High Level") and \
        quote["summary"].endswith("…”"), quote
    assert "further strengthen judicial institutions." in quote["open"] and quote["grows"], quote
