"""Word lists the claim rules read: event classes, role titles, speech verbs, number words.

Why lists rather than vectors: en_core_web_sm has no useful word vectors, and a claim is only worth
comparing across articles when both name the *same* fact. Two sources that say "detained" and
"arrested" report one event; "said" and "announced" on two days are two statements. The classes below
say which words report one event, and which events happen once to a person (so two different dates
for them are a discrepancy, not two occurrences). What the real stories taught us is noted inline.
"""
from __future__ import annotations


#: Verb (or nominalisation) lemma -> event class. An event class happens once to its subject, so two
#: dates for it disagree. "said", "held a briefing", "spoke" are left out on purpose: they recur.
def _by_word(classes: dict[str, str]) -> dict[str, str]:
    """{class: "word word ..."} -> {word: class}; a word listed twice keeps its first class."""
    found: dict[str, str] = {}
    for cls, words in classes.items():
        for word in words.split():
            found.setdefault(word, cls)
    return found


EVENT_CLASSES: dict[str, str] = _by_word({
    "detain": "detain arrest apprehend seize nab snatch abduct detention arrest capture surround encircle approach confront handcuff",
    "release": "release free",
    "appoint": "appoint name nominate pick tap choose select hire appointment nomination",
    "elect": "elect election",
    "born": "bear",
    "die": "die",
    "resign": "resign quit resignation",
    "fire": "fire dismiss oust sack dismissal",
    "marry": "marry wed",
    "charge": "charge indict indictment",
    "convict": "convict sentence conviction",
    "deport": "deport expel deportation",
    "write": "write co-write cowrite cowrote co-author coauthor author pen",
    "revoke": "revoke cancel rescind revocation",
    "restore": "restore reinstate restoration reinstatement",
    "transfer": "transfer move relocate",
    "defeat": "defeat beat",
    "launch": "launch found establish",
})

#: Events that happen once to a thing (a bridge, a plane, a building): two dates for one bridge's
#: collapse disagree, as two dates for one person's arrest do. The thing is the verb's subject (or
#: the noun the event noun is compounded with: "the bridge collapse").
THING_EVENTS = {"collapse", "explode", "explosion", "sink", "crash", "derail", "derailment", "demolish",
                "demolition", "topple", "capsize", "implode"}

#: What a person may be doing when an event happens to them, by class: one page's "protest on campus"
#: and the same page's "participating in a demonstration" are one activity, told twice.
ACTIVITY_CLASSES: dict[str, str] = _by_word({
    "protest": "protest demonstration rally march sit-in vigil picket",
    "gathering": "gathering dinner meal party meeting celebration ceremony service prayer worship feast",
    "commute": "commute drive ride",
})

#: Events a count may be about besides the one-off ones (a count of people or things acted on).
COUNT_EVENTS = set(EVENT_CLASSES.values()) | {"evacuate", "injure", "kill", "cancel", "rescue", "hospitalize",
                                               "last", "spend", "attend", "displace", "evacuation"}

#: Announcing verbs: "Barlow announced that Peacott will serve" reports an appointment when the
#: announced clause is about a person taking a role.
ANNOUNCE_VERBS = {"announce", "say", "confirm", "declare", "reveal"}
ROLE_TAKING_VERBS = {"serve", "take", "become", "lead", "join", "be", "replace", "succeed"}

#: Writings whose date is one fact ("a 2024 op-ed"): the noun names the event (real Özdemir pages
#: call one piece an op-ed, an opinion essay and a blog post).
WRITING_NOUNS: dict[str, str] = {w: "op-ed" for w in ("op-ed", "oped", "essay", "column", "editorial")}

#: Nouns that extend a date without being the event: "the evening of March 25".
TIME_NOUNS = {"evening", "night", "morning", "afternoon", "day", "weekend", "week", "dawn", "noon", "midnight",
              "hour", "hours", "date", "early", "late"}

#: Nouns for a person described rather than named ("the Turkish national", "a PhD scholar"): in news
#: prose they refer to the person the article is about.
PERSON_NOUNS = {"student", "scholar", "national", "native", "citizen", "woman", "man", "girl", "boy", "candidate",
                "researcher", "graduate", "activist", "spokeswoman", "spokesman", "spokesperson", "mother",
                "father", "teenager", "resident", "doctoral", "academic", "journalist", "reporter", "official",
                "republican", "democrat", "secretary", "lawmaker", "politician", "nominee", "pick"}

#: People-nouns for counts ("six officers", "three men and women"): one class, so a count of the people
#: who did something meets another source's count of the same people under another word.
PEOPLE_NOUNS = {"people", "person", "individual", "officer", "agent", "fed", "man", "woman", "men", "women",
                "journalist", "reporter", "student", "protester", "volunteer", "resident", "worker", "member",
                "official", "passenger", "victim", "child", "adult", "soldier", "police", "officer", "staff"}

#: Units that make a count a duration or an age rather than a number of things.
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year"}

#: Verbs that introduce a quotation.
SPEECH_VERBS = {"say", "tell", "add", "state", "write", "declare", "explain", "note", "insist", "argue", "warn",
                "claim", "announce", "ask", "reply", "respond", "post", "tweet", "shout", "yell", "recall",
                "continue", "conclude", "acknowledge", "admit", "call", "describe", "urge", "demand"}

#: The last word of a title written before a name ("Secretary of State Marco Rubio"). A closed class:
#: a capitalised word before a name is usually a title only when it ends in one of these.
ROLE_HEADS = {"president", "president-elect", "secretary", "minister", "senator", "sen", "rep", "representative",
              "congressman", "congresswoman", "judge", "justice", "governor", "gov", "mayor", "sheriff", "director",
              "spokesperson", "spokesman", "spokeswoman", "ambassador", "attorney", "general", "commissioner",
              "chief", "chair", "chairman", "chairwoman", "ceo", "chancellor", "speaker", "leader", "pope", "king",
              "queen", "prince", "princess", "premier", "superintendent", "principal", "dean", "provost",
              "coach", "captain", "lieutenant", "sergeant", "detective", "inspector", "prosecutor", "counsel",
              "administrator", "manager", "officer", "head", "founder", "editor", "advisor", "adviser", "aide",
              "assemblyman", "assemblywoman", "councilman", "councilwoman", "councillor", "councilor", "lt",
              "sgt", "det", "dr", "prof", "professor", "treasurer", "deputy", "vice-president", "envoy"}

#: Words that change when a role held, not which role: "former President", "President-elect".
ROLE_TIME_WORDS = {"former", "then", "ex", "incoming", "outgoing", "acting", "interim", "elect", "newly", "new",
                   "current", "future", "designate", "the", "a", "an", "his", "her", "their", "its", "then-"}

#: Party and nationality words that sit in a title but are no role ("Democrat Rep. Chris Pappas").
ROLE_NOISE = {"democrat", "democratic", "republican", "gop", "incumbent", "u.s.", "us", "american", "trump",
              "biden", "turkish", "british"}

#: Spellings of one role ("Rep." and "Congresswoman" are one office).
ROLE_SYNONYMS = {"rep": "representative", "rep.": "representative", "congressman": "representative",
                 "congresswoman": "representative", "congressperson": "representative", "sen": "senator",
                 "sen.": "senator", "gov": "governor", "gov.": "governor", "spokeswoman": "spokesperson",
                 "spokesman": "spokesperson", "lt": "lieutenant", "lt.": "lieutenant", "sgt": "sergeant",
                 "sgt.": "sergeant", "det.": "detective", "det": "detective", "dr": "doctor", "dr.": "doctor",
                 "prof": "professor", "prof.": "professor", "adviser": "advisor", "councilor": "councillor"}

#: Verbs that give a role: "served as", "will take over as", "named ... as".
ROLE_AS_VERBS = {"serve", "work", "take", "name", "appoint", "pick", "tap", "choose", "select", "nominate",
                 "hire", "join", "act", "return", "function", "install"}

#: Verbs and nouns that state a field of study: "studied journalism", "a degree in", "student of".
STUDY_VERBS = {"study", "major", "specialize", "specialise"}
STUDY_NOUNS = {"degree", "student", "doctorate", "phd", "master", "bachelor", "candidate", "major", "studies"}

#: Qualifiers a count carries as written; the value stays the integer.
COUNT_QUALIFIERS = {"about": "about", "approximately": "about", "roughly": "about", "some": "about",
                    "around": "about", "nearly": "under", "almost": "under", "over": "over", "more": "over",
                    "least": "over", "fewer": "under", "less": "under", "under": "under", "up": "under",
                    "just": "exact", "exactly": "exact", "than": None, "at": None, "to": None}
