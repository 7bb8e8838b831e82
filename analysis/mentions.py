"""Story-wide mention resolution: from NER entities to the person mentions of a story and their clusters.

One function, used by both `newsclaims analyse` (a story in the database) and `newsclaims mentions
FILE` (one document), so both give the same answer:

1. keep the NER PERSON mentions that are evidence of a person (`entities.credible_mentions`);
2. add the full names pages in other languages write, where no NER is run (`names_abroad`); cluster
   them all, and take the people seen with a given name and a surname as the story's people;
3. search every field of every document for those people's surnames, in any case and with typos
   (`entities.find_more_mentions`) — the mentions NER misses;
4. cluster everything again and decide canonical forms, kinds and flags (`variants.analyse_variants`).

Because step 3 depends on the whole story's people, it re-runs over the whole story every time: an
article that introduces a person also finds that person's lower-case mention in an older article.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from analysis import entities, joined, names_abroad, second_pass, variants
from analysis.lexicon import function_words, glue_letters, is_english
from analysis.name_rules import FAMILY_WORDS, SPOUSE_OF, case_endings, given_names, world_given_names
from analysis.names import ParsedName, fold, parse_name, slug_words, strip_possessive, surname_parts
from analysis.settings import DEFAULTS, AnalysisSettings
from analysis.topic import topic_people

#: Fields a lone given-name mention carries into clustering: `part` is "given" (the surface is a given
#: name alone) and `full_name` the display form of the one full name its article writes for that person.
GIVEN_FIELDS = ("part", "full_name")


@dataclass
class ResolvedMentions:
    #: second-pass mentions, each with the `id` that `mention_id` gave it ("p1", "p2", ... by default)
    found: list[dict]
    #: every person mention used (credible NER ones and second-pass ones)
    persons: list[dict]
    result: variants.VariantResult


def resolve_mentions(documents: dict, entities_found: list[dict], *, settings: AnalysisSettings = DEFAULTS,
                     id_prefix: str = "", mention_id: Callable[[object, str, int, int], object] | None = None,
                     lexicon: Container[str] = frozenset(), **variant_options) -> ResolvedMentions:
    """Resolve a story's person mentions.

    documents: version id -> dict with the text fields of `entities.FIELDS` and `article_id`,
        `origin`, `outlet`, `authoritative`, `published`.
    entities_found: NER entities (every label; an iterable read once) as dicts with `id`, `version_id`,
        `field`, `start`, `end`, `surface`, `label`.
    mention_id: names a second-pass mention from its place, as mention_id(version_id, field, start,
        end). The store passes its key function, so that a mention found again has the same id and
        assignments and flags can be stored as they come; without it, mentions are numbered "p1", "p2" ...
    lexicon: folded English words (`analysis.lexicon.lexicon_of(nlp)`), which the second pass never
        takes for a misspelt name; empty, only the story's own ordinary words say what is a word.
    """
    texts = {(version_id, field): slug_words(doc.get(field) or "") if field == "url" else doc.get(field) or ""
             for version_id, doc in documents.items() for field in entities.FIELDS}
    ordinary = entities.ordinary_words(text for (_, field), text in texts.items() if text and field in entities.PROSE_FIELDS)
    places: list[dict] = []  # `entities_found` may be read once only (the store yields it)
    # NER's organisations of two words or more: start -> end, maybe a person's name (`second_pass.tagged_given_before`).
    organisations: dict[object, dict[int, int]] = defaultdict(dict)

    # On how many pages NER tags each surface (folded, its possessive gone) a person, and a place or a group.
    tagged_as: dict[str, Counter] = {"person": Counter(), "place": Counter()}
    tagged_on: set[tuple] = set()

    def noting_places(found: Iterable[dict]) -> Iterator[dict]:
        for entity in found:
            vote = ("person" if entity["label"] == "PERSON" else "place"
                    if entity["label"] in entities.PLACE_LABELS or entity["label"] == entities.GROUP_LABEL else None)
            if vote and (tagged := (vote, fold(strip_possessive(entity["surface"])), entity["version_id"])) not in tagged_on:
                tagged_on.add(tagged)
                tagged_as[vote][tagged[1]] += 1
            if entity["label"] == "GPE":
                places.append(entity)
            elif entity["label"] == "ORG" and " " in entity["surface"].strip():
                organisations[(entity["version_id"], entity["field"])][entity["start"]] = entity["end"]
            yield entity

    foreign = {key for key in texts if not is_english(documents[key[0]].get("language"))}
    credible = entities.credible_mentions(noting_places(entities_found), texts, ordinary, lexicon=lexicon,
                                          foreign=foreign)
    place_spans = _place_spans(places)
    towns = _towns(place_spans, texts)
    # Most of NER's entities are no credible person (dates, places, organisations, one-off PERSONs): a
    # story of 10,000 articles has a million of them, freed here when the caller keeps no reference.
    del entities_found
    found: list[dict] = []

    def add(results) -> None:
        for (version_id, field), matches in results:
            for match in matches:
                ident = (mention_id(version_id, field, match["start"], match["end"]) if mention_id
                         else f"p{len(found) + 1}")
                found.append({**match, "id": ident, "version_id": version_id, "field": field})

    credible, cut_short = _cut_short_names(credible, texts, lexicon)
    add(cut_short)
    # NER spans `credible_mentions` cut a nationality or a glued word off ("Moravian Ana Ruiz", "Ana
    # RuizResidents"): new spans, stored as the second pass's are.
    add(_by_key(m for m in credible if m.get("method") == entities.TRIMMED))
    credible = [m for m in credible if m.get("method") != entities.TRIMMED]
    topic = variant_options.get("topic")
    # Where NER is not run, the full names a page in another language writes (`names_abroad`): people
    # of the story like those NER finds in English, so they are searched for too.
    add(names_abroad.full_names_abroad(((key, texts[key]) for key in foreign
                                        if key[1] in entities.PROSE_FIELDS and texts[key]),
                                       lambda key: function_words(documents[key[0]].get("language")), lexicon,
                                       known=[m["surface"] for m in credible] + list(topic.names if topic else ())))
    # Only the people are kept of this first decision: its assignments and flags would double what the
    # final decision holds, at a few hundred thousand mentions.
    first = variants.analyse_variants(_variant_input(credible + found, documents, lexicon), settings=settings,
                                      **variant_options).clusters
    # Two names tagged as one ("Barlow Bilenkyy"): dropped, so the second pass finds each part as the
    # known name it is, and decided again without them, so no phantom person is searched for.
    full, surnames, givens = joined.established_names(first)
    kept = [m for m in credible if not joined.is_joined(m["surface"], full, surnames, givens)]
    if len(kept) < len(credible):
        credible = kept
        first = variants.analyse_variants(_variant_input(credible + found, documents, lexicon), settings=settings,
                                          **variant_options).clusters
    taken: dict = defaultdict(list)
    for m in credible + found:
        taken[(m["version_id"], m["field"])].append((m["start"], m["end"]))
    found_abroad = len(found)
    pending = ((key, text) for key, text in texts.items() if text)
    # A page's prose fields as one text: a word is ordinary for the second pass when two pages write it so.
    pages = ("\n".join(doc.get(field) or "" for field in entities.PROSE_FIELDS) for doc in documents.values())
    ordinary_lower, written_lower = entities.story_words(pages, min_texts=2)
    known_words = entities.KnownWords(frozenset(map(fold, ordinary_lower)), lexicon,
                                      frozenset(map(fold, written_lower)))

    # The people the story config says it is about are searched whatever NER made of them: the small
    # model tags "Malen" of "Greta von der Malen" as a place, and a person it never tags as one would
    # otherwise never be searched at all. One NER did find is searched as its cluster says.
    # So is one whose name NER tags otherwise more often than as a person ("Pranav Venkataswamy" as an ORG),
    # though relatives or namesakes NER did find share the surname: searched with their own given names.
    named = Counter(name.surname_key for name in map(parse_name, (m["surface"] for m in credible)) if name is not None)
    place_words = _place_words(places, texts)
    searchable = people_to_search(first, place_words, named)
    searchable += [person for person in topic_people(topic)
                   if not any(set(p["surnames"]) & set(person["surnames"]) and set(p["given"]) & set(person["given"])
                              for p in searchable)]

    def page_of(key: tuple) -> tuple[object, list[str]]:
        return key[0], [texts.get((key[0], field)) or "" for field in entities.FIELDS]

    page_words = {key: function_words(documents[key[0]].get("language")) for key in foreign}
    add(entities.find_more_mentions(pending, searchable, taken, score_cutoff=settings.score_cutoff,
                                    known_words=known_words, foreign=foreign, towns=towns, page_of=page_of,
                                    places=place_spans, tagged=organisations,
                                    function_words=page_words,
                                    glue_letters={key: glue_letters(documents[key[0]].get("language"))
                                                  for key in foreign},
                                    case_endings={key: case_endings(documents[key[0]].get("language"))
                                                  for key in foreign}))
    covered = {(m["version_id"], m["field"], s, e) for m in found for s, e in m.pop("covers", ())}
    if covered:  # NER's given names of a name it cut short, now found whole
        credible = [m for m in credible if (m["version_id"], m["field"], m["start"], m["end"]) not in covered]
    # Lone given names ("Ellen said"), once every full name of each article is known.
    full_names = full_names_by_article(credible + found)
    for m in found[found_abroad:]:  # the names abroad are taken already
        taken[(m["version_id"], m["field"])].append((m["start"], m["end"]))
    prose = ((key, text) for key, text in texts.items() if text and key[1] in entities.PROSE_FIELDS)
    relatives = _relatives(full_names)
    add(second_pass.find_given_mentions(prose, full_names, taken, score_cutoff=settings.score_cutoff,
                                        known_words=known_words, relatives=relatives, function_words=page_words,
                                        places=place_spans, place_words=place_words))
    credible = [_as_given(m, full_names, settings.score_cutoff, known_words, relatives,
                          texts.get((m["version_id"], m["field"])) or "") for m in credible]
    # Only surnames written right: a word the first decision took for another's misspelt surname ("Yahya"
    # for a Hayya, its letters scrambled) is no surname of its own, and may be a given name after all.
    searched = {surname for person in searchable for surname in set(person["surnames"]) - set(person.get("errors", ()))}
    # A searched person's surname is theirs, however NER tags it alone (a footballer's bare surname a
    # place on five pages and a person on none): no place whose people's word a garble of it could be.
    story_places = frozenset(s for s, pages in tagged_as["place"].items()
                             if pages >= max(PLACE_PAGES, tagged_as["person"][s] + 1)) - searched
    story_places -= _slips_beside_the_name(story_places, tagged_on, full_names)
    found[:] = [_given_not_near_surname(m, full_names, searched) for m in found
                if not _tagged_a_place(m, story_places, searched)]
    persons = credible + [m for m in found if entities.is_name_like(m["surface"])]
    result = variants.analyse_variants(_variant_input(persons, documents, lexicon), settings=settings,
                                       id_prefix=id_prefix, **variant_options)
    return ResolvedMentions(found=found, persons=persons, result=result)


#: The word just before a name, on its line, with one space between: where NER may have stopped.
_WORD_JUST_BEFORE = re.compile(r"([^\W\d_]+) \Z")


def _by_key(mentions: Iterable[dict]) -> list[tuple[object, list[dict]]]:
    """Mentions as the second pass yields them: ((version id, field), mentions without `id`) pairs."""
    grouped: dict[object, list[dict]] = defaultdict(list)
    for m in mentions:
        grouped[(m["version_id"], m["field"])].append(
            {k: v for k, v in m.items() if k not in ("id", "version_id", "field", "key")})
    return list(grouped.items())


def _cut_short_names(credible: list[dict], texts: dict,
                     lexicon: Container[str] = frozenset()) -> tuple[list[dict], list[tuple[object, list[dict]]]]:
    """NER names cut one given name short, written whole: (the credible mentions left, the whole names
    as the second pass's `(key, mentions)`, each `covers` the spans it replaces).

    A name NER tagged just after a capitalised word, with one space between, where that word and the
    name are a full name NER tags elsewhere in the story, is that longer name: NER stopped a given
    name short ("I, Ada Ngozi Bello" tagged "Ngozi Bello"), or gave the word to a name of its own before
    it ("Chief Ada" | "Ngozi Bello" for "Chief Ada Ngozi Bello"). That other span gives the word up, and
    names nobody with what is left of it (a title, or a word NER took into the name).

    Why the story decides: "Ngozi Bello" alone is another full name, and the lone "Ada" another person's
    garbled given name or surname; every page writing the whole name says which words belong together.
    The word may be in small letters, when it is a given name of some locale and no English word
    (`_small_given`): NER leaves a given name a page wrote small out of the name ("the minister, ada
    Bello"), and the page's use of it is lost; a small word no list names ("cohost") is a job's.
    """
    known = {name.tokens for m in credible if (name := parse_name(m["surface"])) is not None and name.full}
    by_key: dict[object, list[dict]] = defaultdict(list)
    for m in credible:
        by_key[(m["version_id"], m["field"])].append(m)
    dropped: set[int] = set()
    whole: list[tuple[object, list[dict]]] = []
    for key, spans in by_key.items():
        text = texts.get(key) or ""
        spans.sort(key=lambda m: m["start"])
        names = []
        for n, m in enumerate(spans):
            name = parse_name(m["surface"])
            before = _WORD_JUST_BEFORE.search(text, max(0, m["start"] - 40), m["start"])
            if (name is None or name.title or before is None
                    or not (before.group(1)[:1].isupper() or before.group(1).islower() and _small_given(before.group(1), lexicon))
                    or (fold(before.group(1)), *name.tokens) not in known):
                continue
            start = before.start(1)
            covers = [(m["start"], m["end"])]
            previous = spans[n - 1] if n else None
            if previous is not None and previous["end"] == before.end(1) and id(previous) not in dropped:
                dropped.add(id(previous))
                covers.append((previous["start"], previous["end"]))
            dropped.add(id(m))
            names.append({"start": start, "end": m["end"], "surface": text[start:m["end"]], "label": "PERSON",
                          "method": "matcher", "covers": covers})
        if names:
            whole.append((key, names))
    return [m for m in credible if id(m) not in dropped], whole


def _small_given(word: str, lexicon: Container[str]) -> bool:
    """Whether a word written in small letters may be a given name written so: a given name of some
    locale (`name_rules.world_given_names`) and no English word.

    >>> _small_given("françois", frozenset({"will"})), _small_given("will", frozenset({"will"})), _small_given("cohost", frozenset())
    (True, False, False)
    """
    folded = fold(word)
    return folded in world_given_names() and folded not in lexicon


def _place_words(places: list[dict], texts: dict) -> Counter:
    """How often NER tags each one-word place of the story (GPE entities, folded)."""
    words: Counter = Counter()
    for e in places:
        written = (texts.get((e["version_id"], e["field"])) or "")[e["start"]:e["end"]]
        if written and " " not in written:
            words[fold(written)] += 1
    return words


def _place_spans(places: list[dict]) -> dict[object, dict[int, int]]:
    """(version id, field) -> start -> end of NER's places there (GPE entities)."""
    spans_of: dict[object, dict[int, int]] = defaultdict(dict)
    for e in places:
        spans_of[(e["version_id"], e["field"])][e["start"]] = e["end"]
    return spans_of


def _towns(spans_of: dict[object, dict[int, int]], texts: dict) -> dict[object, set[int]]:
    """(version id, field) -> the starts of the places (NER's GPE entities) before a comma and another
    place ("Butler, Pennsylvania"): a town and its state or country. There a word a letter from a known
    surname is the town, not a garble of the name, whatever the second pass would make of it.
    `spans_of`: NER's places (`_place_spans`).

    >>> places = [{"version_id": 1, "field": "text", "start": s, "end": e, "label": "GPE"}
    ...           for s, e in ((3, 9), (11, 23))]
    >>> _towns(_place_spans(places), {(1, "text"): "To Butler, Pennsylvania."})
    {(1, 'text'): {3}}
    """
    towns = {}
    for key, spans in spans_of.items():
        text = texts.get(key) or ""
        starts = {start for start, end in spans.items() if text[end:end + 2] == ", " and end + 2 in spans}
        if starts:
            towns[key] = starts
    return towns


def _relatives(full_names: dict[object, list[ParsedName]]) -> dict[str, list[ParsedName]]:
    """Surname core -> the full names the story writes with it, any article (for a given name written
    alone after a family word: `second_pass.find_given_mentions`). Every article's, not the clusters':
    a person NER never tags is found by the second pass only, and a wife first clustered under her
    maiden name ("Anoopa Trivedi") is named with her married name somewhere."""
    relatives: dict[str, list[ParsedName]] = defaultdict(list)
    for names in full_names.values():
        for name in names:
            if name not in relatives[name.surname_core]:
                relatives[name.surname_core].append(name)
    return dict(relatives)


def full_names_by_article(mentions: list[dict]) -> dict[object, list[ParsedName]]:
    """version id -> the parsed full names (given name and surname) its mentions write, in any field."""
    names: dict[object, list[ParsedName]] = defaultdict(list)
    for m in mentions:
        parsed = parse_name(m["surface"])
        if parsed is not None and parsed.full and parsed not in names[m["version_id"]]:
            names[m["version_id"]].append(parsed)
    return dict(names)


def _as_given(mention: dict, full_names: dict, score_cutoff: float, known_words,
              relatives: dict[str, list[ParsedName]] | None = None, text: str = "") -> dict:
    """A one-word NER mention that is the given name of one person its article names in full, marked
    as such (`part`, `full_name`) like the second pass's lone given names; other mentions unchanged.

    NER often takes the family word before a relative's given name into the name ("wife Annopa"):
    like the second pass (`second_pass.find_given_mentions`), such a word may be the given name of a
    relative of the article's people (`relatives`), though the article never names them in full.
    Left a title and a surname, it was a surname-only person of its own, and its misspelling unjudged.
    Without a family word, a word that is exactly the given name of such a relative is theirs too
    ("Ruthless, like his brother Yahya ... the legacy he left Yahya" on a page naming only the brother
    in full): a family's given names are its members', not some other person's surname misspelt.
    A word after a pope's or a monarch's title in the mention's `text` ("Pope Francis") is that
    holder's name of office (`second_pass.after_regnal_title`). A word that is the surname of someone
    in the story (`relatives`' keys) and only near a given name the page writes is that surname, as
    in `second_pass.find_given_mentions`."""
    parsed = parse_name(mention["surface"])
    kin_word = parsed is not None and parsed.title in FAMILY_WORDS
    if (parsed is None or parsed.full or (parsed.title and not kin_word) or " " in parsed.surname
            or second_pass.after_regnal_title(text, mention["start"])):
        return mention
    names = full_names.get(mention["version_id"], [])
    owner = second_pass.given_owner(parsed.surname_key, names, score_cutoff=score_cutoff, words=known_words)
    if owner is not None and relatives and parsed.surname_key in relatives and owner.given_tokens[0] != parsed.surname_key:
        return mention  # the surname of someone in the story, no near spelling of another's given name
    if owner is None and relatives:
        kin = second_pass.kin_of(names, relatives)
        if not kin_word:
            # The surname of a person the page names in full is theirs, however some relative elsewhere
            # is called ("Halvik" beside "Teodor Halvik", though a slug runs "halvik-ronn" together).
            on_page = any(n.surname_core == parsed.surname_core for n in names)
            kin = [] if on_page else [name for name in kin if name.given_tokens[:1] == (parsed.surname_key,)]
        owner = second_pass.given_owner(parsed.surname_key, kin, score_cutoff=score_cutoff, words=known_words)
    return mention if owner is None else {**mention, "part": "given", "full_name": owner.display}


def _tagged_a_place(mention: dict, places: Container[str], surnames: Container[str]) -> bool:
    """Whether a mention the second pass found is a place or its people: one of the story's `places`
    (folded surfaces NER tags a place or a people on `PLACE_PAGES` pages or more, and on more pages than
    a person), or one of them with a people's ending (`entities.demonym_of`): "Moravio" a letter from a
    radio station's "Moravia" NER took for a person, "San Moravo" from a "San Moravan" it did, a lone
    "Vellano" beside a club's "Vellano Athletic", "Moravians" beside the station. The small model tags a
    misspelt name a place now and then too (a garbled surname on two pages), never all over the
    coverage. A surname written exactly as a person of the story writes it (`surnames`) is theirs,
    however NER tags it elsewhere (it calls "Malen" of "Greta von der Malen" a place).

    >>> places = {"san moravo", "malen", "moravio"}
    >>> [_tagged_a_place({"surface": s, "method": "matcher"}, places, {"malen", "moravan", "cranston", "moravia"})
    ...  for s in ("San Moravo’s", "Malen", "Cranstin", "Moravians", "Moravia")]
    [True, False, False, True, False]
    """
    surface = fold(strip_possessive(mention["surface"]))
    if surface not in places and not entities.demonym_of(surface, places):
        return False
    parsed = parse_name(mention["surface"])
    return mention.get("method") == "given" or parsed is None or parsed.surname_key not in surnames


def _slips_beside_the_name(places: Iterable[str], tagged_on: Iterable[tuple], full_names: dict) -> set[str]:
    """The one-word `places` that every page NER tags them a place on also names in full a person
    whose surname they miss by one letter (`tagged_on`: (vote, folded surface, version id)).

    Why: the small model tags a misspelt surname it does not know a place ("Shorf, who is 67" beside
    "Dirk Schorf" throughout; invented), and a page copying the slip copies the tag, so the slip
    reaches `PLACE_PAGES`; a real place a letter from a surname of the story ("in Yamagumi") is
    named on pages about other things too, where nobody of that surname is.

    >>> names = {1: [parse_name("Dirk Schorf")], 2: [parse_name("Dirk Schorf")], 3: [parse_name("Ana Ruiz")]}
    >>> sorted(_slips_beside_the_name({"shorf", "butler"}, {("place", "shorf", 1), ("place", "shorf", 2),
    ...                                                        ("place", "butler", 1), ("place", "butler", 3)}, names))
    ['shorf']
    """
    pages_of: dict[str, set] = defaultdict(set)
    for vote, surface, version_id in tagged_on:
        if vote == "place" and surface in places and " " not in surface:
            pages_of[surface].add(version_id)
    return {surface for surface, pages in pages_of.items()
            if all(any(name.surname_core != surface and OSA.distance(surface, name.surname_core) == 1
                       for name in full_names.get(page, ())) for page in pages)}


#: On how many pages NER must tag a word a place before the word is taken for the place it names
#: rather than for a name it resembles (`_tagged_a_place`): a place of the story is named all over it.
PLACE_PAGES = 3


def _given_not_near_surname(mention: dict, full_names: dict, surnames: set[str]) -> dict:
    """A word the surname search took as a near spelling ("Clarke" for Helen Clark) that is exactly
    the given name of one person its article names in full ("her partner Clarke Hale ... to Clarke,
    let's get married") is that person's given name: the article says whom it means, the resemblance
    to another's surname is chance. A word that is itself a searched surname stays a surname.
    Where the article writes that given name in two full names that are not one person written two
    ways (`second_pass.given_owner`), it is still a given name, whose owner the article leaves open:
    no `full_name`, so it is judged for nobody, not taken for the other's surname misspelt.
    Under a title too ("her father Lek", "Prime Minister Lek" on a page naming "Lek Tanarat" in full):
    coverage of countries whose people go by their given names writes titles before them, and a title
    makes no near spelling of another's surname likelier than the exact given name on the page."""
    parsed = parse_name(mention["surface"])
    if parsed is None or parsed.full or " " in parsed.surname or parsed.surname_key in surnames:
        return mention
    owners = [n for n in full_names.get(mention["version_id"], []) if n.given_tokens[:1] == (parsed.surname_key,)]
    if not owners:
        return mention
    owner = second_pass.given_owner(parsed.surname_key, owners)
    return {**mention, "part": "given", "full_name": owner.display if owner is not None else None}


def people_to_search(clusters: list[dict], places: Counter | None = None, named: Counter | None = None) -> list[dict]:
    """People whose names the second pass may search for: only those seen with a given name and a
    surname, so that NER's one-word mistakes ("Worcester" as a PERSON) are not multiplied. Nor a name
    whose given name no list knows and whose surname NER tags as a place more often than it ends a
    person's name anywhere in the story (`places`, `named`: folded word -> times): an organisation's
    office tagged as a person ("Gallup Canada"), whose "Canada" the second pass would otherwise find in
    every sentence, and glue to names before it. A surname NER also takes for a place now and then
    ("Mamdani" as a GPE) ends far more names than places.

    The surnames only errors write (`errors`) are searched like the others (machine rewrites garble a
    garble again), but where NER tags a place a word near only them is the place
    (`second_pass.find_more_mentions`' `places`).

    >>> cluster = {"evidence": {"forms": [{}]}, "canonical": "Gallup Canada", "surfaces": [{"surface": "Gallup Canada"}]}
    >>> people_to_search([cluster], Counter(canada=9), Counter(canada=1)), len(people_to_search([cluster], Counter(canada=9), Counter(canada=20)))
    ([], 1)
    """
    places, named = places or Counter(), named or Counter()
    people = []
    for cluster in clusters:
        if not cluster["evidence"]["forms"]:
            continue
        judged = [(s.get("kind") == "error", n) for s in cluster["surfaces"] if (n := parse_name(s["surface"])) is not None]
        names = [n for _, n in judged]
        if names and all(places[n.surname_key] > named[n.surname_key] and not set(n.given) & given_names()
                         for n in names):
            continue
        canonical = parse_name(cluster["canonical"])
        right = {n.surname_key for wrong, n in judged if not wrong}
        people.append({"surnames": sorted({n.surname_key for n in names} | {p for n in names for p in surname_parts(n)}),
                       "given": sorted({g for n in names for g in n.given}),
                       "follow_given": sorted({n.surname_key for n in names if _opens_surname(n)}),
                       "canonical": canonical.surname_key if canonical is not None else None,
                       "errors": sorted({n.surname_key for wrong, n in judged if wrong} - right)})
    return people


def _opens_surname(name: ParsedName) -> bool:
    """Whether the surname of a name follows a given name or a title: a particle there opens the
    surname ("Charles de Gaulle", "General de Gaulle"). After a family name it joins a second one
    ("Olga Ortez de Valle", a wife's "de" and her husband's name; "Pablo Ruiz de Mora"), and the
    surname is no name written with that particle alone: Spanish "el triunfo de Valle" is "of Valle"
    (`second_pass.NameIndex.follow_given`).

    >>> [_opens_surname(parse_name(s)) for s in ("Charles de Gaulle", "General de Gaulle", "Olga Ortez de Valle")]
    [True, True, False]
    """
    if not name.given:
        return bool(name.title)
    return len(name.given) == 1 or name.given[-1] in world_given_names()


def _variant_input(mentions: list[dict], documents: dict, lexicon: Container[str] = frozenset()) -> list[dict]:
    """The variants stage's records of these mentions. Ten keys at most for most (`handle`, `couple`,
    `kin`, `spouse`, `lowered` (`entities.lowered_in_prose`), `echo` (`_headline_echo`), and `foreign`,
    the language of a page in another language, only when true): a dict of eleven or more takes
    464 bytes, of up to ten 272, and a story of 10,000 articles has a few hundred thousand of them."""
    rows = []
    capitalised: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    echo_ends: dict = {}  # version id -> where the headline its text opens with ends (`_headline_echo`)
    for m in mentions:
        if m["surface"][:1].isupper():
            capitalised[m["version_id"], m["field"]].append((m["start"], m["end"]))
    for m in mentions:
        doc = documents[m["version_id"]]
        text = doc.get(m["field"]) or ""
        # A careful outlet vouches for its own writing, not for the words it quotes (`entities.in_quotation`).
        authoritative = doc["authoritative"] and not entities.in_quotation(text, m["start"], m["end"])
        row = {"mention_id": m["id"], "surface": m["surface"], "article_id": doc["article_id"],
               "origin": doc["origin"], "authoritative": authoritative, "published": doc["published"],
               "field": m["field"], "start": m["start"], "usage": entities.usage(text, m["start"], m["end"], m["field"]),
               **{k: m[k] for k in GIVEN_FIELDS if k in m}}
        handle = _handle(text, m["start"], m["field"])
        if handle:
            row["handle"] = handle
        if _couple(text, m["start"], lexicon):
            row["couple"] = True
        if _kin(text, m["start"], m["surface"]):
            row["kin"] = True
        spouse = _spouse_after(text, m["end"])
        if spouse:
            row["spouse"] = spouse
        # A tag (after its label: "tagged with ellen cranston") is in the tag's letters, in a sentence too.
        if (not handle and m["field"] != "url" and any(word[:1].islower() for word in m["surface"].split())
                and entities.lowered_in_prose(text, m["start"], m["end"], capitalised[m["version_id"], m["field"]],
                                              english=is_english(doc.get("language")))):
            row["lowered"] = True
        if not is_english(doc.get("language")):
            row["foreign"] = doc["language"]  # the page's language, for its grammar (`names.inflected`)
        if m["field"] == "text":
            if m["version_id"] not in echo_ends:
                echo_ends[m["version_id"]] = _headline_echo(text, doc.get("title") or "")
            if m["start"] < echo_ends[m["version_id"]]:
                row["echo"] = True
        rows.append(row)
    return rows


def _headline_echo(text: str, title: str) -> int:
    """Where the headline a page's text opens with ends (0 when it opens with none): an extractor keeps
    the page's heading, which is its title again, so a name in it is the headline's one writing, not a
    second use by the outlet (a headline's slip read twice looks like a name the outlet means).

    >>> _headline_echo("  Mayor Ellen Cranston wins\\nThe mayor...", "Mayor Ellen Cranston wins")
    27
    >>> _headline_echo("The mayor said...", "Mayor Ellen Cranston wins"), _headline_echo("Text", "")
    (0, 0)
    """
    title = title.strip()
    lead = len(text) - len(text.lstrip())
    return lead + len(title) if title and text.startswith(title, lead) else 0


#: "Gennady and " before a name: two people sharing the surname written after the second of them.
_COUPLE = re.compile(r"(?<![\w.’'-])([A-Z][a-z]+)\s+(?:and|&)\s+$")


_SPOUSE_AFTER = re.compile(r"[’']s?\s+(" + "|".join(SPOUSE_OF) + r")\b", re.IGNORECASE)


def _spouse_after(text: str, end: int) -> str | None:
    """The spouse word a possessive right after a name leads to ("Halloran's wife": "wife"), else None.
    Why: the name is then the spouse's husband or wife (`name_rules.SPOUSE_OF`), not the spouse, whom a
    profile names in full; news style alone would give the bare surname to her.

    >>> text = "Halloran’s wife spoke; Halloran's Widow; Halloran wife"
    >>> [_spouse_after(text, at) for at in (8, text.index("'s"), len(text) - 5)]
    ['wife', 'widow', None]
    """
    spouse = _SPOUSE_AFTER.match(text, end)
    return fold(spouse.group(1)) if spouse else None


def _kin(text: str, start: int, surface: str) -> bool:
    """Whether a full name is introduced as somebody's relative: a family word just before it or as its
    title ("Galey's son, Rohan Galey", "his wife Casey Brandt"). Why it matters: the article is about
    the person the relative is named by, and its bare surnames go on meaning that person, not the
    relative named last (`variants.story._attach_by_co_mention`).

    >>> _kin("Galey's son, Rohan Galey, said", 13, "Rohan Galey"), _kin("wife Ana Ruiz", 0, "wife Ana Ruiz")
    (True, True)
    >>> _kin("His uncle, Karim Dorvell, served", 11, "Karim Dorvell"), _kin("his cousin Lina Dorvell", 11, "Lina Dorvell")
    (True, True)
    >>> _kin("Rohan Galey, her son, said", 0, "Rohan Galey")
    False

    So is a name written with the name its bearer was born with ("Ana Galey, née Ana Ruiz", "Ana
    Galey, born Ana Ruiz"): a spouse who took the family's surname, not the family's own person.

    >>> _kin("Ana Galey, born Ana Ruiz, met him", 0, "Ana Galey"), _kin("Ana Galey, born January 5, met him", 0, "Ana Galey")
    (True, False)
    """
    name = parse_name(surface)
    if name is None or not name.full:
        return False  # only full names are named before a bare surname (`_attach_by_co_mention`)
    if name.title and set(name.title.split()) & FAMILY_WORDS:
        return True
    if _BORN_AS.match(text, start + len(surface)):
        return True
    return second_pass.FAMILY_BEFORE.search(text, max(0, start - second_pass.FAMILY_LOOK_BACK), start) is not None


#: A name's birth name after it: ", née Ana Ruiz", " (born Ana Ruiz)": a given name and a surname, capitalised.
_BORN_AS = re.compile(r"[,(]?\s*\(?(?i:née|nee|born|geb\.|geborene)\s+[A-ZÀ-ÖØ-Þ][^\W\d_A-Z]+\s+[A-ZÀ-ÖØ-Þ][^\W\d_A-Z]+")


def _couple(text: str, start: int, lexicon: Container[str]) -> bool:
    """Whether a name is the second of a couple that shares its surname ("Gennady and Lyudmila
    Zaretny", "Bill and Hillary Clinton"): a given name, or a capitalised word that is no English
    word, then "and", just before it. There the surname is the family's, written once for both (a
    woman's Slavic surname in the masculine form is then no slip of hers: `variants.story`).

    >>> _couple("his parents, Gennady and Lyudmila Zaretny", 25, frozenset({"parents"}))
    True
    >>> _couple("Police and Lyudmila Zaretny", 11, frozenset({"police"}))
    False
    """
    match = _COUPLE.search(text, max(0, start - 40), start)
    if match is None:
        return False
    word = fold(match.group(1))
    return word in given_names() or word not in lexicon


def _handle(text: str, start: int, field: str) -> str | bool:
    """"account" for an account's handle ("@ellencranston"): its owner's choice, however it abbreviates
    the name ("@ECranstonMayor"), not the writer's spelling. True for a hashtag ("#EllenCranston"), one
    tag of a tag list ("elections, ellencranston, millbrooknews") or a mention in a page's URL
    ("/tag/ellencranston"): names are run together there by necessity (a path has no spaces either),
    so the run-together form is no garble. Else False.

    >>> text = "Filed under: elections, ellencranston, millbrooknews"
    >>> _handle(text, text.index("ellen"), "text"), _handle("said ellencranston, twice", 5, "text")
    (True, False)
    >>> _handle("via @ellencranston", 5, "text"), _handle("/tag/ellencranston", 5, "url")
    ('account', True)

    So is a tag after its label, however few: "Keyword: ellencranston" heads a tag page.

    >>> text = "Keyword: ellencranston\\nThe mayor, ellencranston said"
    >>> _handle(text, text.index("ellen"), "text"), _handle(text, text.rindex("ellen"), "text")
    (True, False)
    """
    if start > 0 and text[start - 1] == "@":
        return "account"
    if field == "url" or start > 0 and text[start - 1] == "#":
        return True
    if _TAG_LABEL.match(text, text.rfind("\n", 0, start) + 1, start):
        return True  # a tag after its label, alone on its line too: "Keyword: ellencranston"
    return any(s <= start < e for s, e in _tag_lists(text))


#: A line's label of the tags after it, at its start ("Keyword: ellencranston", "Tags: ..."), or just
#: before the mention ("articles tagged with ellen cranston").
_TAG_LABEL = re.compile(r"[^\S\n]*(?:key ?words?|tags?|topics?|filed under)[^\S\n]*:[^\n]*\Z"
                        r"|[^\n]*\btagged with[^\S\n]+\Z", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _tag_lists(text: str) -> tuple[tuple[int, int], ...]:
    """The tag lists of a text, found once per text rather than once per mention in it (a page written
    as one long line holds all its mentions)."""
    return tuple(m.span() for m in _TAG_LIST.finditer(text))


#: Three or more lower-case words, each alone between commas on one line (a video's or a blog's tag
#: string): tags, written without spaces, as hashtags are.
_TAG_LIST = re.compile(r"(?<![^\s,])[a-z0-9]+(?:[^\S\n]*,[^\S\n]*[a-z0-9]+){2,}(?![^\s,.])")
