"""The database backend, the default: folded text columns matched with LIKE on SQLite and PostgreSQL.

Every entry stores its title and body folded (no accents, đ as d) and the query is folded the same
way, so `dong dang` finds `Đồng Đăng` on both databases without unaccent or a special tokenizer;
the item's names in every language are matched as well, all in one column (`content_folded`).
Chinese is matched by bigrams. Ranking puts the words as typed above their corrections, the exact
spelling above a folded match, the visitor's language above another, and the title above the body.

Typo tolerance corrects a word that is not in the vocabulary (`SearchWord`, folded) towards the
words within Elasticsearch's `fuzziness: AUTO` of it (one typo up to five letters, two from six);
a word of three or four letters only where the correction stands next to its neighbour in some
name (`dau hoj` → `dau hoi`). Candidates are found by the parts of the word they must keep (and on
PostgreSQL by trigram similarity, indexed), then measured; three queries whatever the words.
"""

import itertools
import re
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from ..models import SearchEntry, SearchFacet, SearchWord
from ..text import (
    TYPO_MIN_LENGTH,
    edit_distance,
    fold,
    is_cjk,
    normalise,
    pieces,
    query_groups,
    query_words,
    terms,
    typo_budget,
    word_pairs,
    words,
)
from .base import (
    HIT_FIELDS,
    Hit,
    Results,
    SearchBackend,
    Suggestion,
    interleave,
    synonym_groups,
)

MAX_ALTERNATIVES = 12


class DatabaseBackend(SearchBackend):
    name = "database"

    # --- searching ----------------------------------------------------------------------------

    def search(self, query):
        lower = query.normalised_text
        folded = fold(lower)
        if not folded:
            return self._browse(query)
        correction = correct(folded)
        readings = alternatives(folded, correction.groups, synonym_groups())
        as_typed = matching([[[options[0]] for options in groups] for groups in readings])
        corrected = [query_groups(correction.text)] if correction.text else []
        entries = SearchEntry.objects.filter(language=query.language).filter(matching(readings))
        found = Matched(entries, as_typed, score(lower, folded, as_typed, corrected))
        found.kinds(query.filters)
        scope = {"language": query.language, **({"kind": query.kind} if query.kind else {})}
        found.facets(scope, query.filters, query.facet_names)
        found.ranked(query.kind, query.filters, query.sort, query.offset, query.per_page)
        kinds, as_typed_count, facets, hits = found.run()
        # "Did you mean" only when the correction finds what the words as typed did not.
        better = correction.text and sum(kinds.values()) > as_typed_count
        return Results(
            hits=hits,
            total=kinds_total(kinds, query.kind),
            page=query.page,
            per_page=query.per_page,
            facets=facets,
            kinds=kinds,
            suggestions=[correction.text] if better else [],
            corrected=correction.changed if better else set(),
        )

    def _browse(self, query):
        """No words: the entries of a kind, narrowed by facets and sorted (the shop's listings)."""
        filters, kind = query.filters, query.kind
        entries = SearchEntry.objects.filter(language=query.language)
        kinds = counts(apply_filters(entries, filters), "kind")
        scope = {"language": query.language, **({"kind": kind} if kind else {})}
        facets = self._facet_counts(scope, filters, query.facet_names)
        chosen = entries.filter(kind=kind) if kind else entries
        ordered = apply_filters(chosen, filters).order_by(*ordering(query.sort))
        start = query.offset
        hits = [Hit(**row) for row in ordered.values(*HIT_FIELDS)[start : start + query.per_page]]
        return Results(
            hits=hits,
            total=kinds_total(kinds, kind),
            page=query.page,
            per_page=query.per_page,
            facets=facets,
            kinds=kinds,
        )

    def _facet_counts(self, scope, filters, names):
        """Counts per facet value; a facet's own selection is left out of its counts (multi-select).

        Facet rows carry their entry's language and kind (`scope`), so a listing counts them from
        one index.
        """
        result = {name: {} for name in names}
        for rows in facet_rows(scope, filters, names):
            for row in rows.values("name", "value").annotate(count=Count("entry_id")):
                result[row["name"]][row["value"]] = row["count"]
        return result

    def autocomplete(self, prefix, *, language, limit=8):
        folded = fold(normalise(prefix))
        if not folded:
            return []
        rows = (
            SearchEntry.objects.filter(language=language)
            .filter(Q(title_folded__startswith=folded) | Q(title_folded__contains=" " + folded))
            .annotate(
                starts=Case(
                    When(title_folded__startswith=folded, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            .order_by("-starts", "title_folded")
            .values_list("kind", "title", "url")[: limit * 5]
        )
        return interleave([Suggestion(*row) for row in rows], limit)

    # --- indexing -----------------------------------------------------------------------------

    @transaction.atomic
    def replace(self, kind, object_id, items):
        SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
        self._add(items)

    @transaction.atomic
    def rebuild(self, items, total=None, progress=None):
        SearchFacet.objects.all().delete()
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        done = 0
        for batch in batched(items, 500):
            self._add(batch)
            done += len(batch)
            if progress:
                progress(done, total)
        refresh_statistics()
        return done

    def _add(self, items):
        items = list(items)
        entries = SearchEntry.objects.bulk_create([entry_for(item) for item in items])
        SearchFacet.objects.bulk_create(
            [
                SearchFacet(
                    entry=entry, language=entry.language, kind=entry.kind, name=name, value=value
                )
                for entry, item in zip(entries, items, strict=True)
                for name, values in item.facets.items()
                # An entry holds each value once, so facet counts need no DISTINCT.
                for value in dict.fromkeys(values)
            ]
        )
        vocabulary = set()
        for entry, item in zip(entries, items, strict=True):
            vocabulary |= words(
                " ".join([entry.title_folded, entry.body_folded, entry.names_folded])
            )
            for name in [item.title, *item.names]:
                vocabulary |= word_pairs(fold(normalise(name)))
        SearchWord.objects.bulk_create(
            [SearchWord(word=word) for word in vocabulary if len(word) <= 60],
            ignore_conflicts=True,
        )


def facet_rows(scope, filters, names, entries=None):
    """The facet rows to count: the facets not chosen together, narrowed by every choice;
    each chosen facet apart, narrowed by the others' choices only (its own values stay
    offered). `entries` (an expression of entry ids) narrows them to what a text matched."""

    def rows(narrowing, **which):
        facets = SearchFacet.objects.filter(**scope, **which)
        if entries is not None:
            facets = facets.filter(entry_id__in=entries)
        return apply_filters(facets, narrowing, field="entry_id")

    unselected = [name for name in names if name not in filters]
    parts = [rows(filters, name__in=unselected)] if unselected else []
    for name in names:
        if name in filters:
            others = {key: value for key, value in filters.items() if key != name}
            parts.append(rows(others, name=name))
    return parts


def kinds_total(kinds, kind):
    return kinds.get(kind, 0) if kind else sum(kinds.values())


@dataclass
class Counted:
    kinds: dict = field(default_factory=dict)
    as_typed: int = 0
    facets: dict = field(default_factory=dict)
    hits: list = field(default_factory=list)


# The order of hits per sort, as SQL over the matched entries (`Matched`); ties are broken by
# the folded title, then the entry's id, so pages never repeat or skip a hit.
MATCHED_ORDER = {
    "relevance": "score DESC",
    "price": "price ASC NULLS LAST, score DESC",
    "-price": "price DESC NULLS LAST, score DESC",
    "newest": "published_at DESC NULLS LAST, score DESC",
    "rating": "rating DESC NULLS LAST, score DESC",
}


class Matched:
    """The entries a text matched, matched once.

    Matching is what a search costs: a `LIKE` rechecked over each candidate's folded text, and
    the score over its title and body. One statement does it once, in a materialised common
    table expression (`search_matched`: each entry's id, kind, whether the words as typed find
    it, its score and what hits are sorted by), and from it counts the entries by kind and by
    facet value and ranks the page of hits: the `UNION ALL` of those parts, one row per kind,
    facet value and hit. A second query reads the page's hits."""

    NAME = "search_matched"

    def __init__(self, entries, as_typed, score):
        flagged = entries.annotate(
            typed=Case(
                When(as_typed, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
            score=score,
        ).values_list(
            "pk", "kind", "typed", "score", "price", "published_at", "rating", "title_folded"
        )
        self.matched = flagged.query.sql_with_params()
        self.parts = []

    def ids(self, kind=None):
        where = " WHERE kind = %s" if kind else ""
        return RawSQL(f"SELECT pk FROM {self.NAME}{where}", [kind] if kind else [])

    def kinds(self, filters):
        """How many entries of each kind the text and the facets chosen find, and how many of
        them the words as typed find (the rest only through a correction)."""
        where, params = chosen_sql(filters)
        self.parts.append(
            (
                f"SELECT 'k', kind, NULL, COUNT(*), SUM(typed) FROM {self.NAME} WHERE {where}"
                " GROUP BY kind",
                params,
            )
        )

    def facets(self, scope, filters, names):
        for rows in facet_rows(scope, filters, names, entries=self.ids(scope.get("kind"))):
            counted = rows.values("name", "value").annotate(found=Count("entry_id"))
            sql, params = counted.values_list("name", "value", "found").query.sql_with_params()
            self.parts.append((f"SELECT 'f', name, value, found, 0 FROM ({sql}) AS facets", params))

    def ranked(self, kind, filters, sort, start, per_page):
        """The page of hits in `sort`'s order: their ids and their ranks."""
        where, params = chosen_sql(filters)
        if kind:
            where, params = f"{where} AND kind = %s", [*params, kind]
        order = f"{MATCHED_ORDER.get(sort, MATCHED_ORDER['relevance'])}, title_folded, pk"
        self.parts.append(
            (
                f"SELECT 'h', NULL, NULL, pk, rank FROM (SELECT pk, ROW_NUMBER() OVER (ORDER BY"
                f" {order}) AS rank FROM {self.NAME} WHERE {where} ORDER BY {order}"
                " LIMIT %s OFFSET %s) AS page",
                [*params, per_page, start],
            )
        )

    def run(self):
        """(kinds, found by the words as typed, facets, hits) in two queries."""
        matched_sql, matched_params = self.matched
        union = " UNION ALL ".join(sql for sql, _params in self.parts)
        statement = f"WITH {self.NAME} AS MATERIALIZED ({matched_sql}) {union}"
        params = [*matched_params, *(param for _sql, part in self.parts for param in part)]
        kinds, as_typed, facets, ranked = {}, 0, {}, []
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            for part, name, value, number, typed in cursor.fetchall():
                if part == "k":
                    kinds[name] = number
                    as_typed += typed
                elif part == "f":
                    facets.setdefault(name, {})[value] = number
                else:
                    ranked.append((typed, number))
        ids = [pk for _rank, pk in sorted(ranked)]
        rows = SearchEntry.objects.filter(pk__in=ids).values("pk", *HIT_FIELDS)
        by_id = {row.pop("pk"): row for row in rows}
        return kinds, as_typed, facets, [Hit(**by_id[pk]) for pk in ids if pk in by_id]


def chosen_sql(filters):
    """A condition on `pk`: the entry has one of the chosen values of every filtered facet."""
    where, params = ["1 = 1"], []
    for name, values in filters.items():
        slots = ", ".join(["%s"] * len(values))
        where.append(
            f"pk IN (SELECT entry_id FROM {SearchFacet._meta.db_table}"
            f" WHERE name = %s AND value IN ({slots}))"
        )
        params += [name, *values]
    return " AND ".join(where), params


def refresh_statistics():
    """After a rebuild, tell PostgreSQL's planner how big the index now is.

    Planned on the statistics of an empty table, a facet count takes seconds instead of
    milliseconds until autovacuum gets round to it.
    """
    if connection.vendor == "postgresql":
        tables = ", ".join(model._meta.db_table for model in (SearchEntry, SearchFacet, SearchWord))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + tables)
        # The rows the rebuild deleted stay in every index until vacuumed, and autovacuum may be
        # off or late: at 10,000 products, half of what each search read was dead rows.
        # VACUUM cannot run in a transaction, so it runs once the rebuild is committed.
        transaction.on_commit(lambda: vacuum(tables))


def vacuum(tables):
    if connection.in_atomic_block:  # committed inside an outer transaction (tests): not possible
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE " + tables)


def entry_for(item):
    title = normalise(item.title)
    body = normalise(item.body)
    names = " | ".join(dict.fromkeys(fold(normalise(name)) for name in item.names if name))
    return SearchEntry(
        kind=item.kind,
        object_id=item.object_id,
        language=item.language,
        title=item.title[:255],
        title_lower=title[:255],
        title_folded=fold(title)[:255],
        body_lower=body,
        body_folded=fold(body),
        names_folded=names,
        content_folded=" | ".join([fold(title), names, fold(body)]),
        fallback=item.fallback,
        written_in=item.written_in,
        summary=item.summary[:300],
        url=item.url,
        image_url=item.image_url,
        price=item.price,
        rating=item.rating,
        published_at=item.published_at,
        ocop_stars=item.ocop_stars,
        buyable=item.buyable,
    )


def alternatives(folded, groups, synonyms):
    """The query's readings: its words (each a list of accepted spellings, as typed first), then
    the query with each synonym of a phrase in it swapped in."""
    readings = [groups]
    for synonym in synonyms:
        for term in synonym:
            if not contains_phrase(folded, term):
                continue
            for other in synonym:
                if other != term:
                    readings.append(query_groups(replace_phrase(folded, term, other)))
            break
    return readings[:MAX_ALTERNATIVES]


def contains_phrase(text, phrase):
    if not phrase:
        return False
    if is_cjk(phrase):
        return phrase in text
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def replace_phrase(text, phrase, other):
    if is_cjk(phrase):
        return text.replace(phrase, f" {other} ").strip()
    return re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", other, text)


def matching(readings):
    condition = Q()
    for groups in readings:
        reading = Q()
        for options in groups:
            either = Q()
            for option in options:
                # An option is a word, or (Chinese) a set of bigrams that must all be found.
                every = Q()
                for word in [option] if isinstance(option, str) else option:
                    every &= contains(word)
                either |= every
            reading &= either
        condition |= reading
    return condition


def contains(word):
    """The folded content holds `word`. On PostgreSQL one or two Han characters, too short for a
    trigram, are also looked up among the content's Han characters and pairs, which are indexed."""
    condition = Q(content_folded__contains=word)
    if connection.vendor == "postgresql" and len(word) <= 2 and is_cjk(word):
        condition &= Q(HanGramsContain(F("content_folded"), Value(word)))
    return condition


def score(lower, folded, as_typed, corrected=()):
    """The words as typed above their corrections; then the exact spelling above folded, the
    visitor's language above another, the title above another language's name and the body."""

    def points(condition, value):
        return Case(
            When(condition, then=Value(value)), default=Value(0), output_field=IntegerField()
        )

    total = (
        points(as_typed, 200)
        + points(Q(title_lower__contains=lower), 100)
        + points(Q(title_folded__contains=folded), 50)
        + points(Q(fallback=False), 40)
        + points(Q(names_folded__contains=folded), 30)
        + points(Q(title_folded__startswith=folded), 20)
        + points(Q(body_lower__contains=lower), 8)
        + points(Q(body_folded__contains=folded), 4)
    )
    for term in terms(folded):
        total += points(Q(title_folded__contains=term), 10)
    for groups in corrected:
        phrase = " ".join(group[0] for group in groups)
        total += (
            points(Q(title_folded__contains=phrase), 25)
            + points(Q(names_folded__contains=phrase), 15)
            + points(Q(title_folded__startswith=phrase), 10)
        )
    return total


def ordering(sort):
    """A listing's order (no words, so no score: "relevance" is the newest first), ties broken
    as `MATCHED_ORDER` breaks them."""
    by = {
        "price": F("price").asc(nulls_last=True),
        "-price": F("price").desc(nulls_last=True),
        "rating": F("rating").desc(nulls_last=True),
    }.get(sort, F("published_at").desc(nulls_last=True))
    return [by, "title_folded", "pk"]


def apply_filters(queryset, filters, field="pk"):
    """`queryset` narrowed to the entries (named by `field`) that have one of the chosen values
    of every filtered facet."""
    for name, values in filters.items():
        queryset = queryset.filter(
            **{
                f"{field}__in": SearchFacet.objects.filter(name=name, value__in=values).values(
                    "entry_id"
                )
            }
        )
    return queryset


def counts(entries, field):
    return {
        row[field]: row["count"]
        for row in entries.order_by().values(field).annotate(count=Count("pk"))
    }


@dataclass
class Correction:
    """A query's words, each with the spellings it may be read as (as typed first), and the
    query with each unknown word replaced by its likeliest correction (empty if none)."""

    groups: list[list[str]]
    text: str = ""
    changed: set[str] = field(default_factory=set)


MAX_CORRECTIONS = 3
MAX_CANDIDATES = 3000


def correct(folded):
    """The query `folded` with its unknown words' corrections (see the module's docstring).

    A known word is suspect too when it stands beside a neighbour in no name (`hung tram`, where
    the names say `huong tram`): it is corrected only towards a word that does.
    """
    words_ = query_words(folded)
    checkable = list(dict.fromkeys(word for word in words_ if typo_budget(word)))
    if not checkable:
        return Correction(groups=query_groups(folded))
    typed_pairs = [f"{a} {b}" for a, b in itertools.pairwise(words_)]
    seen = set(
        SearchWord.objects.filter(word__in=checkable + typed_pairs).values_list("word", flat=True)
    )
    unknown = [word for word in checkable if word not in seen]
    suspects = [
        word
        for index, word in enumerate(words_)
        if word in seen
        and word in checkable
        and len(words_) > 1
        and not any(pair in seen for pair in typed_pairs[max(index - 1, 0) : index + 1])
    ]
    doubtful = list(dict.fromkeys(unknown + suspects))
    near = vocabulary_near(doubtful) if doubtful else {}
    supported = context(words_, near) if near else {}
    fixes = {}
    for word, candidates in near.items():
        ranked = sorted(
            candidates,
            key=lambda found, word=word: (
                -supported.get((word, found[1]), 0),
                found[0],
                found[1][0] != word[0],
                abs(len(found[1]) - len(word)),
                found[1],
            ),
        )
        # A short word needs a neighbour to confirm its correction; a known word, its neighbour
        # as typed.
        needed = 2 if word in seen else 1 if len(word) < TYPO_MIN_LENGTH else 0
        ranked = [found for found in ranked if supported.get((word, found[1]), 0) >= needed]
        if ranked:
            fixes[word] = [candidate for _distance, candidate in ranked[:MAX_CORRECTIONS]]
    groups = [[*group, *fixes.get(group[0], [])] for group in query_groups(folded)]
    if not fixes:
        return Correction(groups=groups)
    text = " ".join(fixes[word][0] if word in fixes else word for word in words_)
    return Correction(groups=groups, text=text, changed={fixes[word][0] for word in fixes})


def vocabulary_near(unknown):
    """{word: [(distance, vocabulary word)]} within each word's typo budget, in one query."""
    condition = Q()
    for word in unknown:
        budget = typo_budget(word)
        near = Q(length__gte=len(word) - budget, length__lte=len(word) + budget)
        # Within two typos (one counting a swap as two), one of three parts is kept whole.
        either = Q()
        for part in pieces(word, 3):
            either |= Q(word__contains=part)
        if connection.vendor == "postgresql":
            either |= Q(Similar(F("word"), Value(word)))
        condition |= near & either
    candidates = (
        SearchWord.objects.annotate(length=Length("word"))
        .filter(condition)
        .exclude(word__contains=" ")
        .values_list("word", flat=True)[:MAX_CANDIDATES]
    )
    found = {word: [] for word in unknown}
    for candidate in candidates:
        for word in unknown:
            budget = typo_budget(word)
            distance = edit_distance(word, candidate, budget)
            if 0 < distance <= budget:
                found[word].append((distance, candidate))
    return {word: candidates for word, candidates in found.items() if candidates}


def context(query_words, near):
    """{(word, correction): support} where the correction follows or precedes its neighbour in
    a name: 2 beside the neighbour as typed, 1 only beside one of the neighbour's own
    corrections. One query."""
    options = {word: [word] + [c for _d, c in near.get(word, [])] for word in query_words}
    pairs = {}
    for left, right in itertools.pairwise(query_words):
        for candidate in options[right]:
            for neighbour in options[left]:
                strength = 2 if neighbour == left else 1
                pairs.setdefault(f"{neighbour} {candidate}", []).append(
                    (right, candidate, strength)
                )
        for candidate in options[left]:
            for neighbour in options[right]:
                strength = 2 if neighbour == right else 1
                pairs.setdefault(f"{candidate} {neighbour}", []).append((left, candidate, strength))
    wanted = [pair for pair in pairs if any(word in near for word, _c, _s in pairs[pair])]
    if not wanted:
        return {}
    support = {}
    for pair in SearchWord.objects.filter(word__in=wanted).values_list("word", flat=True):
        for word, candidate, strength in pairs[pair]:
            support[word, candidate] = max(strength, support.get((word, candidate), 0))
    return support


class Similar(Func):
    """PostgreSQL's trigram similarity operator (`pg_trgm`), served by the vocabulary's index."""

    arg_joiner = " %% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class HanGramsContain(Func):
    """The entry's Han characters and pairs hold `word`: `han_grams @> ARRAY[word]`.

    `han_grams` is a column PostgreSQL computes from `content_folded` and indexes (migration
    0007); Django does not know it, so it is named beside `content_folded`, table alias and all.
    """

    output_field = BooleanField()

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.source_expressions[0])
        word, word_params = compiler.compile(self.source_expressions[1])
        column = column.replace('"content_folded"', '"han_grams"')
        return f"({column} @> ARRAY[{word}]::text[])", [*params, *word_params]


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
