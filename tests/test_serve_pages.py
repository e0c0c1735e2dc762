"""gcmkg serve's pages in headless Chromium, as a person uses them: the gallery runs a stored query and shows its
rows, the editor runs a query, an entity page shows its passage with the fact highlighted and the hostile text as
text; no page reports an error. Negative controls show that the capture sees a failed request and a script the
Content-Security-Policy stops."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Browser, Tab, chromium
from tests.server import Server, serving

pytestmark = pytest.mark.slow
WAIT = 60.0  # seconds to wait for a table: a guard against a hung page, not a measure of speed


@pytest.fixture(scope="module")
def server(hostile_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serving(hostile_build, tmp_path_factory.mktemp("serve")) as started:
        yield started


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    started = Browser(chromium(), tmp_path_factory.mktemp("chromium"))
    yield started
    started.close()


def _wait_for(tab: Tab, expression: str) -> object:
    """The value of ``expression`` once it is truthy."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = tab.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"never true: {expression}")


def _cells(tab: Tab, selector: str) -> list[list[str]]:
    rows = f"[...document.querySelectorAll({json.dumps(selector + ' tbody tr')})]"
    return list(tab.evaluate(f"{rows}.map(tr => [...tr.cells].map(td => td.textContent))"))


def test_the_gallery_runs_a_stored_query_and_shows_its_rows(browser: Browser, server: Server) -> None:
    tab = browser.open(server.url)
    box = "#query-session-objectives"
    tab.evaluate(f"document.querySelector('{box}').open = true")
    tab.evaluate(f"document.querySelector('{box} input[name=year]').value = '2024'")
    tab.evaluate(f"document.querySelector('{box} input[name=session]').value = '2'")
    tab.evaluate(f"document.querySelector('{box} form').requestSubmit()")
    _wait_for(tab, f"document.querySelectorAll('{box} .result tbody tr').length")
    assert _cells(tab, f"{box} .result") == [["3"], ["7"], ["16"]]  # the fixture report's objectives
    assert tab.evaluate(f"document.querySelector('{box} a.csv').getAttribute('href')") == (
        "/api/session-objectives.csv?year=2024&session=2"
    )
    assert tab.problems() == []


def test_the_editor_runs_a_query_with_the_prefixes_preloaded(browser: Browser, server: Server) -> None:
    tab = browser.open(server.url)
    assert tab.evaluate("document.querySelector('#editor textarea').value.startsWith('PREFIX gcm: <')")
    text = 'SELECT ?code WHERE { ?s gcm:alpha3 ?code FILTER(?code IN ("SRB", "GEO")) } ORDER BY ?code'
    tab.evaluate(f"document.querySelector('#editor textarea').value = {json.dumps(text)}")
    tab.evaluate("document.querySelector('#editor form').requestSubmit()")
    _wait_for(tab, "document.querySelectorAll('#editor .result tbody tr').length")
    assert _cells(tab, "#editor .result") == [["GEO"], ["SRB"]]
    assert tab.problems() == []


def test_an_entity_page_shows_the_passage_highlighted_and_hostile_text_as_text(
    browser: Browser, server: Server
) -> None:
    tab = browser.open(server.url + "id/state/SRB")
    marks = tab.evaluate("[...document.querySelectorAll('blockquote mark')].map(m => m.textContent)")
    assert marks and set(marks) == {"Serbia"}
    quotes = tab.evaluate("[...document.querySelectorAll('blockquote')].map(b => b.textContent)")
    assert any('noted <script>alert("x")</script> & <img src=x onerror=alert(1)>' in text for text in quotes)
    assert tab.evaluate("document.querySelectorAll('script').length") == 1  # the site's own
    assert tab.evaluate("document.querySelectorAll('img').length") == 0
    assert tab.problems() == []


def test_search_finds_by_label_and_links_to_the_page(browser: Browser, server: Server) -> None:
    tab = browser.open(server.url + "search?q=georg")
    links = tab.evaluate("[...document.querySelectorAll('ul.found a')].map(a => a.getAttribute('href'))")
    assert "/id/state/GEO" in links
    assert tab.problems() == []


def test_capture_sees_a_failed_request(browser: Browser, server: Server) -> None:
    """Negative control: a stored query run with a bad value shows the server's message, and the capture reports
    the 400."""
    tab = browser.open(server.url)
    box = "#query-session-objectives"
    tab.evaluate(f"document.querySelector('{box} input[name=year]').value = '20x4'")
    tab.evaluate(f"document.querySelector('{box} input[name=session]').value = '2'")
    tab.evaluate(f"document.querySelector('{box} form').requestSubmit()")
    error = _wait_for(tab, f"document.querySelector('{box} .result .error')?.textContent")
    assert "parameter 'year' is '20x4'" in str(error)
    assert any("400" in problem for problem in tab.problems())


def test_capture_sees_a_script_the_policy_stops(browser: Browser, server: Server) -> None:
    """Negative control: an inline script put into a page is refused by its Content-Security-Policy, and said."""
    tab = browser.open(server.url + "id/state/SRB")
    tab.evaluate("document.body.appendChild(Object.assign(document.createElement('script'), {textContent: 'x=1'}))")
    problems = tab.problems()
    assert any("Content Security Policy" in problem for problem in problems), problems


def test_a_network_view_and_the_heatmap_load(browser: Browser, server: Server) -> None:
    tab = browser.open(server.url + "views/participation")
    assert tab.evaluate("document.querySelectorAll('#nodes .node').length") > 0
    # served, a node's panel links to its entity page on this server
    assert '"/id/state/SRB"' in tab.evaluate("document.documentElement.outerHTML")
    assert tab.problems() == []
    home = browser.open(server.url + "#views")
    _wait_for(home, "document.querySelector('img.heatmap').complete")
    assert home.evaluate("document.querySelector('img.heatmap').naturalWidth") > 0
    assert home.problems() == []
