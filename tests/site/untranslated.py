"""Finds what a visitor of the English or Chinese pages would read untranslated.

The visible text of a page (text nodes and the <title>, not scripts, styles or attributes),
leaving out every element marked lang="vi" (the marked fallback of content not yet translated,
the language switcher's "Tiếng Việt"). In what remains:

- a sentence of our Vietnamese catalogue (a msgstr of locale/vi), which means an interface string
  was shown in Vietnamese;
- on the Chinese pages, an English msgid of our catalogue of two words or more, which means a
  string has no Chinese translation;
- a word written with Vietnamese letters (ư, ơ, đ, ạ, ế…) that is not part of a proper name
  (the glossary's names, the people's and producers' names the pages are about).
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
# Letters only Vietnamese uses among the site's languages (French é, à, è are left out).
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ]", re.I)
WORD = re.compile(r"[^\W\d_]+", re.U)
SKIPPED = {"script", "style", "template", "noscript", "svg"}
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col", "embed"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, hidden) of the open elements
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        hidden = bool(
            (self.stack and self.stack[-1][1])
            or tag in SKIPPED
            or (attrs.get("lang") or "").lower().startswith("vi")
            or "hidden" in attrs
        )
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]) and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.parts


def _entries(language):
    """(msgid, msgstr) pairs of our catalogue for `language`, plural forms included."""
    import polib

    code = "zh_Hans" if language.startswith("zh") else language
    for entry in polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po")):
        if entry.obsolete:
            continue
        strings = [entry.msgstr] + list(entry.msgstr_plural.values())
        yield entry.msgid, [each for each in strings if each]


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")


def _fragments(text):
    """The pieces of a catalogue string between its placeholders, as they show on a page."""
    return [" ".join(piece.split()) for piece in PLACEHOLDER.split(text) if piece.strip()]


@cache
def vietnamese_sentences():
    """Our Vietnamese interface strings long enough to be unmistakable (three words or more)."""
    found = set()
    for _msgid, strings in _entries("vi"):
        for string in strings:
            for piece in _fragments(string):
                if len(piece.split()) >= 3 and VIETNAMESE_LETTERS.search(piece):
                    found.add(piece)
    return frozenset(found)


@cache
def english_sentences():
    """Our English msgids of three words or more (what an untranslated string shows)."""
    found = set()
    for msgid, _strings in _entries("zh_Hans"):
        for piece in _fragments(msgid):
            if len(piece.split()) >= 3 and re.search("[a-z]{3}", piece):
                found.add(piece)
    return frozenset(found)


def untranslated(html, language, names=()):
    """What on this page (`html`, in `language`) reads untranslated: a list of short excerpts.

    `names`: proper names allowed to keep their Vietnamese letters (places, people, producers).
    """
    return untranslated_text(visible_text(html), language, names)


def untranslated_text(parts, language, names=()):
    """The same for the visible text as a browser shows it (a list of its pieces)."""
    allowed = {word.lower() for name in names for word in WORD.findall(name)}
    problems = []
    text = "\n".join(parts)
    for sentence in vietnamese_sentences():
        if sentence in text:
            problems.append(f"Vietnamese interface string: {sentence!r}")
    if language.startswith("zh"):
        for sentence in english_sentences():
            if re.search(rf"(?<![\w']){re.escape(sentence)}(?![\w'])", text):
                problems.append(f"English interface string: {sentence!r}")
    for part in parts:
        words = [w for w in WORD.findall(part) if VIETNAMESE_LETTERS.search(w)]
        strange = [w for w in words if w.lower() not in allowed]
        if strange:
            problems.append(f"Vietnamese words {strange} in {part[:80]!r}")
    return problems


def proper_names():
    """Names a page may write with Vietnamese letters: the glossary's (as the English pages write
    them), the craftspeople's and the producers'; the currency's own name; and the Tày and Nùng
    love songs, "sli" and "lượn", which have no other name."""
    from oscar.core.loading import get_model

    from pages.glossary import names
    from villages.models import CraftspersonPage

    Partner = get_model("partner", "Partner")
    found = set(names("en"))
    found |= set(CraftspersonPage.objects.values_list("title", flat=True))
    found |= set(Partner.objects.values_list("name", flat=True))
    found |= set(Partner.objects.values_list("contact_name", flat=True))
    return found | {"đồng", "lượn"}
