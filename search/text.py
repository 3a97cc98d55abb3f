"""Text helpers for search: folding, words, one-typo matching and safe highlighting."""

import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from pages.text import fold

WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SPACES = re.compile(r"\s+")
TYPO_MIN_LENGTH = 5


def clean(text):
    """Plain text from HTML or user input: tags removed, one space between words."""
    return SPACES.sub(" ", strip_tags(unicodedata.normalize("NFC", text or ""))).strip()


def normalise(query):
    """A query as the index stores text: NFC, lower case, single spaces."""
    return clean(query).lower()


def terms(folded):
    """The words of a folded query; Chinese runs stay whole (matched as substrings)."""
    return [word for word in folded.split(" ") if word]


def is_cjk(text):
    return bool(CJK.search(text))


def words(folded_text):
    """Distinct words worth correcting towards (typo tolerance's vocabulary)."""
    return {
        word
        for word in WORD.findall(folded_text)
        if len(word) >= TYPO_MIN_LENGTH - 1 and not word.isdigit() and not is_cjk(word)
    }


def one_edit_apart(a, b):
    """True when `b` is `a` with one letter changed, added, removed, or two neighbours swapped."""
    if a == b:
        return False
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def highlight(text, query_terms):
    """`text` escaped, with every place matching a folded query term wrapped in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    if not text or not query_terms:
        return escape(text)
    # Fold character by character so positions in the folded text map back to the original.
    folded, origin = [], []
    for position, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            origin.append(position)
    folded = "".join(folded)
    marked = [False] * len(text)
    for term in query_terms:
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            for index in range(start, start + len(term)):
                marked[origin[index]] = True
            start = folded.find(term, start + len(term))
    parts, run, state = [], [], False
    for char, is_marked in zip(text, marked, strict=True):
        if is_marked != state and run:
            parts.append(_wrap("".join(run), state))
            run = []
        state = is_marked
        run.append(char)
    if run:
        parts.append(_wrap("".join(run), state))
    return mark_safe("".join(parts))  # noqa: S308 - every piece was escaped above


def _wrap(text, marked):
    return f"<mark>{escape(text)}</mark>" if marked else escape(text)


__all__ = ["clean", "fold", "highlight", "is_cjk", "normalise", "one_edit_apart", "terms", "words"]
