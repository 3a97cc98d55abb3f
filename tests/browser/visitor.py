"""What a visitor reads at each step of a journey: the text the browser shows (outside elements
marked lang="vi"), checked for interface strings left untranslated (tests/site/untranslated.py),
and, with SCREENSHOTS=1 (`make screenshots`), a screenshot of the step kept in
test-artifacts/<journey>/ to be looked at. A failing tab's screenshot is kept in any case."""

import os
import re
from pathlib import Path

from django.utils import translation

from tests.site.untranslated import untranslated_text

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
LANGUAGES = ("vi", "en", "zh-hans")
SCREENSHOTS = os.environ.get("SCREENSHOTS") == "1"

# The text a visitor sees: visible text nodes outside elements marked lang="vi", and the title.
VISIBLE_TEXT = """() => {
    const parts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const text = node.textContent.replace(/\\s+/g, " ").trim();
        if (!text || !element || element.closest("script, style, template, noscript")) continue;
        const marked = element.closest("[lang]");
        if (marked && marked.lang.toLowerCase().startsWith("vi")) continue;
        if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        parts.push(text);
    }
    return parts;
}"""


def prefix(language):
    return "" if language == "vi" else f"/{language}"


def say(text, language, **values):
    """`text` (a msgid of our catalogue) as the site writes it in `language`."""
    with translation.override(language):
        said = translation.gettext(text)
    return said % values if values else said


def said(text, language, **values):
    """A pattern finding `say(text, language)` in a page, whatever the spaces."""
    return re.compile(re.escape(say(text, language, **values)).replace(r"\ ", r"\s*"))


class Reader:
    """Reads each step of a journey as a visitor of `language` would: records what is left
    untranslated (English and Chinese pages) and keeps the step's screenshot."""

    def __init__(self, journey, names=()):
        self.folder = ARTIFACTS / journey
        if SCREENSHOTS:
            self.folder.mkdir(parents=True, exist_ok=True)
        self.names = names
        self.problems = []

    def read(self, tab, language, step):
        if language != "vi":
            found = untranslated_text(tab.evaluate(VISIBLE_TEXT), language, self.names)
            self.problems += [f"{language} {step}: {problem}" for problem in found]
        if SCREENSHOTS:
            tab.screenshot(path=str(self.folder / f"{language}-{step}.png"), full_page=True)

    def assert_all_translated(self):
        assert self.problems == [], "\n".join(self.problems)


def check_out_as_guest(tab, email):
    """The checkout's first step: an e-mail address, no account."""
    tab.locator("input[name=username]").fill(email)
    tab.locator("input[name=options][value=anonymous]").check()
    tab.locator("form:has(input[name=username]) button[type=submit]").click()


def pay_with(tab, method):
    """The payment step: `method` chosen, on to the order's preview."""
    tab.locator(f"input[name=method][value={method}]").check()
    tab.locator("form:has(input[name=method]) button[type=submit]").click()
    tab.wait_for_url(re.compile(r"/checkout/preview/$"))
