"""The database backend, the default: folded text columns matched with LIKE on SQLite and PostgreSQL.

Every entry stores its title and body folded (no accents, đ as d) and the query is folded the same
way, so `dong dang` finds `Đồng Đăng` on both databases without unaccent or a special tokenizer.
Chinese is matched as a substring. Ranking puts the exact spelling above a folded match and the
title above the body; a longer word with one typo is corrected towards words seen in the index.
"""

import itertools
import re

from django.db import connection, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When

from ..models import SearchEntry, SearchFacet, SearchWord
from ..text import TYPO_MIN_LENGTH, fold, is_cjk, normalise, one_edit_apart, terms, words
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
        filters, kind = query.filters, query.kind
        lower = query.normalised_text
        folded = fold(lower)
        entries = SearchEntry.objects.filter(language=query.language)
        suggestions, readings = [], []
        if folded:
            groups, suggestions = self._term_groups(folded, lower)
            readings = alternatives(groups, synonym_groups())
            entries = entries.filter(matching(readings))
        kinds = counts(apply_filters(entries, filters), "kind")
        chosen = entries.filter(kind=kind) if kind else entries
        scope = {"language": query.language, **({"kind": kind} if kind else {})}
        facets = self._facet_counts(scope, chosen if folded else None, filters, query.facet_names)
        found = apply_filters(chosen, filters)
        total = kinds.get(kind, 0) if kind else sum(kinds.values())
        if folded:
            corrected = [[[word] for word in terms(text)] for text in suggestions]
            found = found.annotate(score=score(lower, folded, readings[1:] + corrected))
        ordered = found.order_by(*ordering(query.sort, bool(folded)))
        start = query.offset
        hits = [Hit(**row) for row in ordered.values(*HIT_FIELDS)[start : start + query.per_page]]
        return Results(
            hits=hits,
            total=total,
            page=query.page,
            per_page=query.per_page,
            facets=facets,
            kinds=kinds,
            suggestions=suggestions,
        )

    def _term_groups(self, folded, lower):
        """Each query word with what it may also be read as (its one-typo corrections)."""
        groups, corrected, changed = [], [], False
        for term in terms(folded):
            fixes = []
            if len(term) >= TYPO_MIN_LENGTH and not is_cjk(term) and not known(term):
                fixes = corrections(term)
            groups.append([term, *fixes])
            corrected.append(fixes[0] if fixes else term)
            changed = changed or bool(fixes)
        return groups, [" ".join(corrected)] if changed else []

    def _facet_counts(self, scope, entries, filters, names):
        """Counts per facet value; a facet's own selection is left out of its counts (multi-select).

        Facet rows carry their entry's language and kind (`scope`), so a listing counts them from
        one index; `entries` narrows them further only when a text query chose the entries.
        """

        def rows(narrowing, **which):
            facets = SearchFacet.objects.filter(**scope, **which)
            if entries is not None:
                facets = facets.filter(entry__in=entries.values("pk"))
            return apply_filters(facets, narrowing, field="entry_id")

        result = {name: {} for name in names}
        unselected = [name for name in names if name not in filters]
        if unselected:
            for row in (
                rows(filters, name__in=unselected)
                .values("name", "value")
                .annotate(count=Count("entry_id"))
            ):
                result[row["name"]][row["value"]] = row["count"]
        for name in names:
            if name in filters:
                others = {key: value for key, value in filters.items() if key != name}
                result[name] = counts_of(rows(others, name=name))
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
        for entry in entries:
            vocabulary |= words(entry.title_folded + " " + entry.body_folded)
        SearchWord.objects.bulk_create(
            [SearchWord(word=word[:60]) for word in vocabulary], ignore_conflicts=True
        )


def refresh_statistics():
    """After a rebuild, tell PostgreSQL's planner how big the index now is.

    Planned on the statistics of an empty table, a facet count takes seconds instead of
    milliseconds until autovacuum gets round to it.
    """
    if connection.vendor == "postgresql":
        tables = [model._meta.db_table for model in (SearchEntry, SearchFacet, SearchWord)]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(tables))


def entry_for(item):
    title = normalise(item.title)
    body = normalise(item.body)
    return SearchEntry(
        kind=item.kind,
        object_id=item.object_id,
        language=item.language,
        title=item.title[:255],
        title_lower=title[:255],
        title_folded=fold(title)[:255],
        body_lower=body,
        body_folded=fold(body),
        summary=item.summary[:300],
        url=item.url,
        image_url=item.image_url,
        price=item.price,
        rating=item.rating,
        published_at=item.published_at,
    )


def alternatives(groups, synonyms):
    """The query's readings: its words (each a set of accepted spellings), then with synonyms swapped in."""
    readings = [groups]
    phrase = " ".join(group[0] for group in groups)
    for synonym in synonyms:
        for term in synonym:
            if not contains_phrase(phrase, term):
                continue
            for other in synonym:
                if other != term:
                    swapped = replace_phrase(phrase, term, other)
                    readings.append([[word] for word in terms(swapped)])
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
            for word in options:
                either |= Q(title_folded__contains=word) | Q(body_folded__contains=word)
            reading &= either
        condition |= reading
    return condition


def score(lower, folded, other_readings=()):
    """Exact spelling above folded, title above body; a synonym or a correction scores lower."""

    def points(condition, value):
        return Case(
            When(condition, then=Value(value)), default=Value(0), output_field=IntegerField()
        )

    total = (
        points(Q(title_lower__contains=lower), 100)
        + points(Q(title_folded__contains=folded), 50)
        + points(Q(title_folded__startswith=folded), 20)
        + points(Q(body_lower__contains=lower), 8)
        + points(Q(body_folded__contains=folded), 4)
    )
    for term in terms(folded):
        total += points(Q(title_folded__contains=term), 10)
    for groups in other_readings:
        phrase = " ".join(group[0] for group in groups)
        total += points(Q(title_folded__contains=phrase), 25) + points(
            Q(title_folded__startswith=phrase), 10
        )
    return total


def ordering(sort, has_query):
    relevance = ["-score"] if has_query else []
    by = {
        "price": [F("price").asc(nulls_last=True)],
        "-price": [F("price").desc(nulls_last=True)],
        "newest": [F("published_at").desc(nulls_last=True)],
        "rating": [F("rating").desc(nulls_last=True)],
    }.get(sort)
    by = (relevance or [F("published_at").desc(nulls_last=True)]) if by is None else by + relevance
    return [*by, "title_folded", "pk"]


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


def counts_of(facets):
    return {
        row["value"]: row["count"]
        for row in facets.values("value").annotate(count=Count("entry_id"))
    }


def known(term):
    return SearchWord.objects.filter(word__contains=term).exists()


def corrections(term):
    """Words of the index one typo away from `term`, most alike first."""
    half = len(term) // 2
    candidates = SearchWord.objects.filter(
        Q(word__startswith=term[: half - 1]) | Q(word__endswith=term[half:])
    ).values_list("word", flat=True)[:2000]
    return sorted(word for word in candidates if one_edit_apart(term, word))[:5]


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
