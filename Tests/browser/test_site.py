"""Browser tests of the built site (see run.sh). The site is served from a subfolder
(/kb/) to check that relative links hold."""
import json, os, socket, subprocess, sys, time, urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.environ.get("KNEEBASE_SITE_ROOT")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def base():
    assert ROOT and os.path.isdir(os.path.join(ROOT, "kb")), "run through Tests/browser/run.sh"
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", ROOT],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/kb/"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "index.html", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    server.terminate()
    try:
        server.wait(timeout=3)
    except subprocess.TimeoutExpired:
        # A parent that blocks SIGTERM (the Swift test runner does) passes the mask on.
        server.kill()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def driver():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(60)
    d.set_script_timeout(300)
    yield d
    d.quit()


def wait(d, cond, timeout=10):
    return WebDriverWait(d, timeout).until(cond)


class Result:
    """A result as read from the page in one go (no stale element references)."""
    def __init__(self, href, cls, text):
        self.href, self.cls, self.text = href, cls, text


def results(d, selector="#results .result"):
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, selector))
    if selector.startswith("#results"):
        wait(d, lambda d: d.find_element(By.ID, "search-status").text.strip())
    time.sleep(0.3)  # let instant search settle
    rows = d.execute_script("""
        return Array.from(document.querySelectorAll(arguments[0])).map(function (el) {
          var a = el.tagName === 'A' ? el : el.querySelector('a');
          return [a ? a.href : '', el.className, el.textContent];
        });""", selector)
    return [Result(*r) for r in rows]


def search(d, base, q, kinds=()):
    from urllib.parse import urlencode
    d.get(base + "search/index.html?" + urlencode([("q", q)] + [("kind", k) for k in kinds]))
    return results(d)


def hrefs(items):
    return [i.href for i in items]


def test_stemming_meets_squat_forms(driver, base):
    a = search(driver, base, "squatting")
    b = search(driver, base, "squats")
    assert a and b
    assert set(hrefs(a)) & set(hrefs(b)), "squatting and squats should find the same pages"
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#results mark")]
    assert any(m.startswith("squat") for m in marks), marks


def test_alias_expands_to_entity(driver, base):
    items = search(driver, base, "runner's knee")
    assert any("conditions/patellofemoral-pain-syndrome.html" in h for h in hrefs(items))
    items = search(driver, base, "ITBS")
    assert any("conditions/iliotibial-band-syndrome.html" in h for h in hrefs(items))


def test_source_results_link_to_sentences(driver, base):
    items = search(driver, base, "patellar valgus squat", kinds=["source"])
    links = hrefs(items)
    assert links and all("/kb/sources/" in h for h in links)
    assert all("#s" in h for h in links)
    driver.get(links[0])
    anchor = links[0].split("#")[1]
    el = driver.find_element(By.ID, anchor)
    assert el.text.strip()


def test_kind_filter(driver, base):
    items = search(driver, base, "knee", kinds=["condition"])
    assert items
    assert all("kind-condition" in i.cls for i in items)
    items = search(driver, base, "kind:treatment knee")
    assert items and all("kind-treatment" in i.cls for i in items)


def test_phrase_with_a_stop_word_and_kind_filter(driver, base):
    # The README's example: "IT band" holds the stop word "it", which the index leaves out.
    items = search(driver, base, 'kind:treatment "IT band" -surgery')
    assert items and all("kind-treatment" in i.cls for i in items)
    assert any("foam-rolling" in h for h in hrefs(items)), hrefs(items)


def test_alias_without_its_determiner(driver, base):
    # The lexicon's "foam rolling the IT band", typed without "the".
    items = search(driver, base, "foam rolling IT band")
    assert any("foam-rolling-it-band" in h for h in hrefs(items)), hrefs(items)


def test_or_joins_alternatives(driver, base):
    either = search(driver, base, "pain OR swelling")
    pain = search(driver, base, "pain")
    swelling = search(driver, base, "swelling")
    assert len(either) >= max(len(pain), len(swelling)), (len(either), len(pain), len(swelling))


def test_instant_results_as_you_type(driver, base):
    driver.get(base + "search/index.html")
    box = driver.find_element(By.ID, "search-q")
    for ch in "iliotib":
        box.send_keys(ch)
        time.sleep(0.03)
    items = results(driver)
    assert any("iliotibial" in h for h in hrefs(items)), "prefix of the last word should match while typing"
    assert "q=iliotib" in driver.current_url


def test_typed_word_before_its_completions(driver, base):
    # "pain" being typed: the general complaint, not "painkillers" (a rarer completion).
    driver.get(base + "search/index.html")
    box = driver.find_element(By.ID, "search-q")
    for ch in "pain":
        box.send_keys(ch)
        time.sleep(0.03)
    items = results(driver)
    entities = [h for h in hrefs(items) if "/sources/" not in h][:5]
    assert any(h.endswith("/knee-pain.html") for h in entities), entities
    assert not any("painkiller" in h for h in entities[:1]), entities


def test_slash_focuses_header_box_and_quick_results(driver, base):
    driver.get(base + "conditions/patellofemoral-pain-syndrome.html")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "q"
    driver.switch_to.active_element.send_keys("hip strength")
    items = results(driver, "#quick .result")
    assert items
    first = items[0].href
    assert first.startswith(base)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: "search/index.html" in d.current_url)
    assert results(driver)


def test_misspelt_words_are_corrected_in_the_browser(driver, base):
    items = search(driver, base, "patelofemoral")
    assert any("conditions/patellofemoral-pain-syndrome.html" in h for h in hrefs(items)), hrefs(items)
    status = driver.find_element(By.ID, "search-status").text
    assert "“patelofemoral” as “patellofemor" in status, status
    # Corrected before aliases are matched: "runers knee" is runner's knee, first among the entities.
    items = search(driver, base, "runers knee")
    entities = [h for h in hrefs(items) if "/sources/" not in h]
    assert entities and "conditions/patellofemoral-pain-syndrome.html" in entities[0], entities[:3]
    # A word the index has is left alone.
    search(driver, base, "knee")
    assert "Misspelt" not in driver.find_element(By.ID, "search-status").text


def test_a_question_about_a_condition_links_to_its_section(driver, base):
    items = search(driver, base, "exercises for runner's knee")
    pfps = [h for h in hrefs(items) if "conditions/patellofemoral-pain-syndrome.html" in h]
    assert pfps and pfps[0].endswith("#treatment"), hrefs(items)
    driver.get(pfps[0])
    assert driver.find_element(By.ID, "treatment").text.strip()
    items = search(driver, base, "symptoms of runner's knee")
    assert any(h.endswith("patellofemoral-pain-syndrome.html#symptom") for h in hrefs(items)), hrefs(items)
    # Without a cue word the page itself is the link.
    items = search(driver, base, "runner's knee")
    assert any(h.endswith("conditions/patellofemoral-pain-syndrome.html") for h in hrefs(items)), hrefs(items)


def answer_box(driver, condition):
    """The titles, links and text of the answer lists under the result for `condition`."""
    return driver.execute_script("""
        var want = arguments[0];
        var card = Array.from(document.querySelectorAll('#results .result')).filter(function (el) {
          var a = el.querySelector('h2 a'); return a && a.href.indexOf(want) >= 0; })[0];
        if (!card) return null;
        return [Array.from(card.querySelectorAll('.answer-title')).map(function (p) { return p.textContent; }),
                Array.from(card.querySelectorAll('.answer li a')).map(function (a) { return a.href; }),
                card.textContent];""", condition)


def test_a_question_lists_what_the_condition_page_answers(driver, base):
    search(driver, base, "what causes runner's knee")
    titles, links, _ = answer_box(driver, "conditions/patellofemoral-pain-syndrome.html")
    assert titles and titles[0].startswith("Causes ("), titles
    assert 0 < len(links) <= 10 and any("weak-hip-abductors" in h for h in links), links
    driver.get(links[0])
    assert driver.find_element(By.TAG_NAME, "h1").text.strip()
    # A section the condition has no claims in says so.
    search(driver, base, "complications of runner's knee")
    titles, links, text = answer_box(driver, "conditions/patellofemoral-pain-syndrome.html")
    assert not links and "give nothing of this kind" in text, text


def test_stop_words_do_not_choose_the_snippet(driver, base):
    items = search(driver, base, "should I foam roll my IT band")
    sources = [i for i in items if "/sources/" in i.href]
    assert sources, hrefs(items)
    assert "foam roll" in sources[0].text.lower(), sources[0].text


def test_no_results_message(driver, base):
    driver.get(base + "search/index.html?q=zzzzqqq")
    wait(driver, lambda d: "No results" in d.find_element(By.ID, "search-status").text)


def test_pages_have_no_csp_or_script_errors(driver, base):
    driver.get_log("browser")
    for page in ["index.html", "conditions/patellofemoral-pain-syndrome.html", "sources/000-patellar-valgus.html",
                 "graph/index.html", "audit/index.html", "search/index.html?q=knee+pain"]:
        driver.get(base + page)
        time.sleep(0.5)
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert not severe, severe


def test_graph_nodes_link_to_pages(driver, base):
    driver.get(base + "conditions/patellofemoral-pain-syndrome.html")
    links = driver.execute_script("""
        return Array.from(document.querySelectorAll('.neighbourhood svg a')).map(function (a) {
          return new URL(a.getAttribute('href'), location.href).href; });""")
    assert len(links) > 3
    href = links[1]
    status = urllib.request.urlopen(href.split("#")[0]).status
    assert status == 200


PAGES = ["index.html", "conditions/index.html", "conditions/patellofemoral-pain-syndrome.html", "treatments/index.html",
         "sources/index.html", "sources/000-patellar-valgus.html", "graph/index.html", "audit/index.html",
         "search/index.html?q=squat", "404.html"]


def axe_violations(driver):
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    res = axe.run()
    return [v for v in res["violations"] if v.get("impact") in ("serious", "critical")]


@pytest.mark.parametrize("page", PAGES)
def test_axe_no_serious_violations(driver, base, page):
    driver.get(base + page)
    if "search" in page:
        results(driver)
    bad = axe_violations(driver)
    assert not bad, json.dumps([(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in bad], indent=1)


@pytest.mark.parametrize("page", ["index.html", "conditions/patellofemoral-pain-syndrome.html", "sources/000-patellar-valgus.html"])
def test_axe_dark_mode(driver, base, page):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        driver.get(base + page)
        bad = axe_violations(driver)
        assert not bad, json.dumps([(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in bad], indent=1)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_status_names_the_query_as_typed_and_says_when_nothing_is_asked(driver, base):
    search(driver, base, "knee -surgery")
    status = driver.find_element(By.ID, "search-status").text
    assert "for “knee -surgery”" in status, status
    # Only an exclusion, or only a quote: a message, not an empty page.
    from urllib.parse import urlencode
    for q, expected in [("-knee", "only leaves words out"), ('"', "has no word to search for")]:
        driver.get(base + "search/index.html?" + urlencode([("q", q)]))
        text = wait(driver, lambda d: d.find_element(By.ID, "search-status").text.strip())
        assert expected in text, (q, text)


def test_header_box_corrects_a_typed_word_no_indexed_word_starts_with(driver, base):
    driver.get(base + "conditions/patellofemoral-pain-syndrome.html")
    box = driver.find_element(By.ID, "q")
    box.send_keys("runers")
    items = results(driver, "#quick .result")
    assert any("runner" in i.text.lower() for i in items), [i.text for i in items]
    # A word on its way to an indexed one is still completed, not corrected ("squa" → squats).
    box.clear()
    box.send_keys("squa")
    items = results(driver, "#quick .result")
    assert any("squat" in i.text.lower() for i in items), [i.text for i in items]


def test_a_long_query_few_pages_match_whole_shows_those_missing_one_word(driver, base):
    # The home page's own example.
    items = search(driver, base, "pain below the kneecap when squatting")
    status = driver.find_element(By.ID, "search-status").text
    assert len(items) >= 3, (status, hrefs(items))
    assert "every word, then pages missing one" in status, status
    entities = [h for h in hrefs(items) if "/sources/" not in h]
    assert any("pain-below-the-kneecap" in h or "pain-when-squatting" in h for h in entities), entities
