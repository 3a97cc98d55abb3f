"""Text helpers for search: folding, words, Chinese bigrams, typo distances and safe highlighting."""

import functools
import itertools
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from pages.text import fold

WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")
SPACES = re.compile(r"\s+")
# A tag ends a word: `<p>Dầu hồi</p><p>OCOP</p>` is two sentences, not `hồiOCOP`.
TAG = re.compile(r"<[^>]*>")
TYPO_MIN_LENGTH = 5
# Shorter words are corrected only when the corrected word stands next to its neighbour in a
# name (`dau hoj` → `dau hoi`): alone, three letters are a typo away from too many words.
SHORT_TYPO_MIN_LENGTH = 3
# A long Chinese query is matched as typed, or by at most this many sets of its bigrams.
MAX_COMBINATIONS = 21


def clean(text):
    """Plain text from HTML or user input: tags removed, one space between words."""
    text = unicodedata.normalize("NFC", text or "")
    return SPACES.sub(" ", strip_tags(TAG.sub(" ", text))).strip()


def normalise(query):
    """A query as the index stores text: NFC, lower case, single spaces."""
    return clean(query).lower()


def query_words(folded):
    """The words of a folded query, as the standard tokenizer cuts them (`cat-lion` is two
    words); a run of Han characters is one word here."""
    found = []
    for part in CJK_RUNS.findall(folded):
        found += [part.strip()] if is_cjk(part) else WORD.findall(part)
    return [word for word in found if word]


def terms(folded):
    """The words of a folded query; a run of Han characters becomes its overlapping bigrams.

    `文关八角油` → `文关 关八 八角 角油`, as Elasticsearch's `cjk_bigram` filter makes them; a
    single character stays a word of its own.
    """
    found = []
    for word in query_words(folded):
        if not is_cjk(word) or len(word) == 1:
            found.append(word)
        else:
            found += [word[i : i + 2] for i in range(len(word) - 1)]
    return list(dict.fromkeys(found))


def bigrams_needed(count):
    """Of a Han run's `count` bigrams, how many must be found: all up to two, then a third may
    be missing (`母山米酒` finds `母山叶曲米酒`), as `minimum_should_match: "-34%"` rounds it."""
    return count - count // 3


def query_groups(folded):
    """Each word of a folded query as the spellings that match it: a word alone, or a Han run
    whole (contiguous) followed by the sets of its bigrams that are enough to match it."""
    groups = []
    for word in query_words(folded):
        if not is_cjk(word) or len(word) < 3:
            groups.append([word])
            continue
        grams = list(dict.fromkeys(word[i : i + 2] for i in range(len(word) - 1)))
        needed = bigrams_needed(len(grams))
        groups.append([word, *itertools.combinations(grams, needed)][:MAX_COMBINATIONS])
    return groups


def typo_budget(word):
    """How many typos a word may hold, as Elasticsearch's `fuzziness: AUTO` counts them.

    None under three letters, one up to five, two from six; Chinese and numbers none.
    """
    if is_cjk(word) or word.isdigit() or len(word) < SHORT_TYPO_MIN_LENGTH:
        return 0
    return 1 if len(word) <= 5 else 2


def is_cjk(text):
    return bool(CJK.search(text))


def words(folded_text):
    """Distinct words worth correcting towards (typo tolerance's vocabulary)."""
    return {
        word
        for word in WORD.findall(folded_text)
        if len(word) >= 2 and not word.isdigit() and not is_cjk(word)
    }


def word_pairs(folded_text):
    """Neighbouring words of a name (`dau hoi`, `men la`): the context short words are corrected in."""
    found = [word for word in WORD.findall(folded_text) if not is_cjk(word)]
    return {f"{a} {b}" for a, b in zip(found, found[1:], strict=False) if len(a) + len(b) < 60}


def edit_distance(a, b, limit):
    """Letters changed, added, removed or swapped with a neighbour to make `b` of `a`
    (optimal string alignment); any distance over `limit` is given as `limit + 1`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def pieces(word, count):
    """`word` cut into `count` nearly equal parts: a word within `count - 1` typos of it keeps one
    of them whole (what the vocabulary is searched by before distances are measured)."""
    count = max(1, min(count, len(word)))
    size, extra = divmod(len(word), count)
    found, start = [], 0
    for index in range(count):
        end = start + size + (index < extra)
        found.append(word[start:end])
        start = end
    return found


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
    query_terms = [term for term in query_terms if term]
    if not text or not query_terms:
        return escape(text)
    folded, origin = _folded_with_origin(text)
    spans = []
    for term in query_terms:
        whole_words = not is_cjk(term)  # `hoi` marks hồi, not the end of phơi
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            inside = whole_words and (
                (start > 0 and folded[start - 1].isalnum())
                or (end < len(folded) and folded[end].isalnum())
            )
            if not inside:
                spans.append((origin(start), origin(end - 1) + 1))
            start = folded.find(term, end if not inside else start + 1)
    parts, shown = [], 0
    for start, end in sorted(spans):
        if end <= shown:
            continue
        start = max(start, shown)
        parts += [escape(text[shown:start]), f"<mark>{escape(text[start:end])}</mark>"]
        shown = end
    parts.append(escape(text[shown:]))
    # Marks that touch are one mark.
    return mark_safe("".join(parts).replace("</mark><mark>", ""))  # noqa: S308 - escaped above


def _folded_with_origin(text):
    """`text` folded, and a function from a position in the folded text to one in `text`.

    Folding keeps one character for one (NFC text: đ → d, ồ → o) but for rare letters; then the
    positions are mapped character by character."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded, lambda position: position
    pieces_, origin = [], []
    for position, char in enumerate(text):
        for folded_char in fold_char(char):
            pieces_.append(folded_char)
            origin.append(position)
    return "".join(pieces_), origin.__getitem__


@functools.lru_cache(maxsize=4096)
def fold_char(char):
    """One character folded (highlighting folds each character of every result's text)."""
    return fold(char)


__all__ = [
    "clean",
    "edit_distance",
    "fold",
    "highlight",
    "is_cjk",
    "normalise",
    "one_edit_apart",
    "pieces",
    "query_groups",
    "query_words",
    "terms",
    "typo_budget",
    "word_pairs",
    "words",
]
