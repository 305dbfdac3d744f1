"""Readability: LiNT-II (score 0-100, level 1-4) per sentence and per letter, and Flesch-Douma.

LiNT-II combines four features: the mean log word frequency of content words, the longest
dependency length in a sentence, content words per clause and the share of concrete nouns.
The coefficients and word data come from the `lint-ii` package 0.1.3 (EUPL-1.2), shipped in
``data/lint_ii/``. LiNT-II itself uses spaCy; we derive the same features from Frog's CGN tags
and dependency parse, so our scores can differ from LiNT-II's by a few points.

Lives here: the word data loader, feature extraction per sentence, document aggregation,
scoring and Flesch-Douma. Not here: findings (see `findings.py`).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .model import AnalyzedText, Sentence, Token

DATA_DIR = Path(__file__).parent / "data" / "lint_ii"
NOUN_LIST = "nouns_sem_types_20260420"
MODEL_VERSION = "3.7.0"
ZERO_COUNT_FREQ = 1.359228547196266  # log10(1 / total_count * 1e9), as in LiNT-II

#: Verbs that are auxiliaries (spaCy: AUX, not a content word) when they govern a verb.
AUXILIARY_LEMMAS = frozenset(
    {"hebben", "zijn", "worden", "zullen", "kunnen", "moeten", "mogen", "willen", "hoeven"}
)
#: Verbs that are copulas when they have a predicative complement.
COPULA_LEMMAS = frozenset({"zijn", "worden", "blijven", "lijken", "blijken", "schijnen", "heten"})

LEVEL_BOUNDS = (34.0, 46.0, 58.0)


@dataclass(frozen=True)
class LintData:
    """The LiNT-II word data and coefficients."""

    freq: dict[str, float]
    nouns: dict[str, tuple[str, str, str]]  # word -> (super_sem_type, sem_type, head)
    skiplist: frozenset[str]
    manner_adverbs: frozenset[str]
    units: frozenset[str]
    coefficients: dict[str, float]


def _read_lines(name: str) -> frozenset[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def lint_data() -> LintData:
    """Load the LiNT-II data once (about half a second)."""
    freq: dict[str, float] = {}
    with gzip.open(DATA_DIR / "subtlex_wordfreq.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, _, value = line.rstrip("\n").partition("\t")
            freq[word] = float(value)
    nouns: dict[str, tuple[str, str, str]] = {}
    with gzip.open(DATA_DIR / f"{NOUN_LIST}.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, sup, sem, head = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
            nouns[word] = (sup, sem, head)
    models = json.loads((DATA_DIR / "coefficients.json").read_text(encoding="utf-8"))
    coefficients: dict[str, float] = {}
    for model in models:
        if model["model_version"] == MODEL_VERSION and model["noun_list"] == NOUN_LIST:
            coefficients = {k: v["coef"] for k, v in model["coefficients"].items()}
            break
    return LintData(
        freq=freq,
        nouns=nouns,
        skiplist=_read_lines("subtlex_wordfreq_skiplist.txt"),
        manner_adverbs=_read_lines("manner_adverbs_20251017.txt"),
        units=_read_lines("measurement_units.txt"),
        coefficients=coefficients,
    )


def lint_score(
    freq_log: float | None,
    max_sdl: float | None,
    content_words_per_clause: float | None,
    proportion_concrete: float | None,
) -> float | None:
    """The LiNT-II formula; None when a feature is missing. Higher means harder."""
    if None in (freq_log, max_sdl, content_words_per_clause, proportion_concrete):
        return None
    c = lint_data().coefficients
    raw = (
        c["const"]
        + c["mean_log_word_freq"] * freq_log  # type: ignore[operator]
        + c["mean_max_sdl"] * max_sdl  # type: ignore[operator]
        + c["mean_content_words"] * content_words_per_clause  # type: ignore[operator]
        + c["proportion_concrete"] * proportion_concrete  # type: ignore[operator]
    )
    return min(100.0, max(0.0, 100.0 - raw))


def lint_level(score: float | None) -> int | None:
    """Level 1 (easy) to 4 (very hard): [0,34), [34,46), [46,58), [58,100]."""
    if score is None:
        return None
    return 1 + sum(score >= bound for bound in LEVEL_BOUNDS)


# ---------------------------------------------------------------- word classes from CGN tags


def _has_child(sentence: Sentence, token: Token, relations: set[str]) -> bool:
    return any(t.head == token.index and t.deprel in relations for t in sentence.tokens)


def is_auxiliary_or_copula(sentence: Sentence, token: Token) -> bool:
    """A verb that spaCy would call AUX or `cop`: not a content word."""
    if token.pos != "WW":
        return False
    lemma = token.lemma.lower()
    if lemma == "zijn":
        return True
    if lemma in AUXILIARY_LEMMAS and _has_child(sentence, token, {"vc"}):
        return True
    return lemma in COPULA_LEMMAS and _has_child(sentence, token, {"predc"})


def is_proper_noun(token: Token) -> bool:
    return (token.pos == "N" and "eigen" in token.feats) or (
        token.pos == "SPEC" and "deeleigen" in token.feats
    )


def is_noun(token: Token) -> bool:
    return token.pos == "N" or is_proper_noun(token)


def is_content_word(sentence: Sentence, token: Token) -> bool:
    """LiNT-II content word: noun, name, lexical verb, adjective or manner adverb; no numerals."""
    if token.pos == "TW":
        return False
    if token.pos == "WW":
        return not is_auxiliary_or_copula(sentence, token)
    if token.pos in ("N", "ADJ") or is_proper_noun(token):
        return True
    return token.lower in lint_data().manner_adverbs


def word_frequency(sentence: Sentence, token: Token) -> float | None:
    """SUBTLEX-NL log frequency of a content word (not a name); compounds use their head."""
    if is_proper_noun(token) or not is_content_word(sentence, token):
        return None
    data = lint_data()
    text = token.lower
    if token.lemma.lower() in data.skiplist or text in data.skiplist:
        return None
    if is_noun(token):
        entry = data.nouns.get(text)
        if entry and entry[2]:
            text = entry[2]
    return data.freq.get(text, ZERO_COUNT_FREQ)


def noun_type(token: Token) -> str | None:
    """'concrete', 'abstract', 'undefined', 'unknown', or None for a word that is no noun."""
    data = lint_data()
    if is_noun(token):
        entry = data.nouns.get(token.lower) or data.nouns.get(token.lemma.lower())
        if entry and entry[0]:
            return entry[0]
        # LiNT-II counts spaCy's PERSON and GPE names as concrete. Frog's LOC lumps countries
        # and cities (mostly in the noun list already) with streets, rivers and buildings,
        # which spaCy calls LOC or FAC and LiNT-II leaves unknown; so only PER counts here.
        ne = token.ne.split("-")[-1] if token.ne else ""
        if ne == "PER":
            return "concrete"
        if ne == "ORG":
            return "abstract"
        return "unknown"
    if token.pos == "SPEC" and token.lower in data.units:
        return "concrete"
    return None


def _join_fragments(heads: dict[int, list], tags: dict[int, Token]) -> None:
    """Make one tree of a sentence that Frog's parser left in pieces (several roots).

    spaCy, and so LiNT-II, always gives one tree per sentence: every word has a path to the
    sentence's root. Frog's parser sometimes leaves fragments unattached ("Op 3 september
    2026 | hebben wij ... ontvangen"), which makes every dependency in the fragment short.

    The main root is a finite verb that does not open the sentence, leftmost first (else one
    that does, else the largest fragment with a finite verb, else the largest fragment). Every
    other fragment hangs from it: as the verbal complement when the main root is an auxiliary
    without one and the fragment is headed by an infinitive or participle ("kunt u ... |
    beroep instellen"); a relative clause from its antecedent noun; else as a modifier (the
    UD obl/advcl it would have been).
    """
    roots = [i for i, (h, _r) in heads.items() if h == 0]
    if len(roots) < 2 or any(h < 0 for h, _r in heads.values()):
        return

    def root_of(i: int) -> int:
        seen = set()
        while heads[i][0] > 0 and heads[i][0] in heads and i not in seen:
            seen.add(i)
            i = heads[i][0]
        return i

    members: dict[int, list[int]] = {r: [] for r in roots}
    for i in heads:
        r = root_of(i)
        if r in members:
            members[r].append(i)
    words = [r for r in roots if not tags[r].is_punct]
    if not words:
        return

    first_word = min((i for i in heads if not tags[i].is_punct), default=0)

    def rank(r: int) -> tuple[bool, bool, int, int]:
        # A finite verb that does not open the sentence (the main clause's verb in second
        # place, not the "Wordt uw aanvraag toegekend, dan ..." of a conditional), leftmost
        # first (a relative or subordinate clause has its verb at its end); else the largest
        # fragment with a finite verb.
        if tags[r].is_finite_verb:
            return (True, r != first_word, 0, -r)
        finite = any(tags[i].is_finite_verb for i in members[r])
        return (False, finite, sum(not tags[i].is_punct for i in members[r]), r)

    main = max(words, key=rank)
    head_tok = tags[main]
    wants_vc = (
        head_tok.pos == "WW"
        and head_tok.lemma.lower() in AUXILIARY_LEMMAS
        and not any(h == main and r == "vc" for h, r in heads.values())
    )
    for r in sorted(roots):
        if r == main:
            continue
        tok = tags[r]
        if tok.is_punct:
            heads[r][0], heads[r][1] = main, "punct"
        elif wants_vc and tok.pos == "WW" and not tok.is_finite_verb:
            heads[r][0], heads[r][1] = main, "vc"
            wants_vc = False
        elif tok.is_finite_verb and (antecedent := _antecedent(r, members[r], heads, tags)):
            # A relative clause ("de inkomensgrens, die ... bedroeg") that Frog parsed as a
            # clause of its own: the antecedent noun joins the main clause, the clause hangs
            # from the noun (UD acl:relcl).
            heads[antecedent][0], heads[antecedent][1] = main, "mod"
            heads[r][0], heads[r][1] = antecedent, "mod"
        else:
            heads[r][0], heads[r][1] = main, "mod"


def _antecedent(
    verb: int, members: list[int], heads: dict[int, list], tags: dict[int, Token]
) -> int | None:
    """The noun a fragment's relative pronoun refers to, when Frog made it the verb's
    dependent: the word before the relative pronoun (punctuation skipped)."""
    pronoun = next(
        (
            i
            for i in sorted(members)
            if i < verb and tags[i].pos == "VNW" and "betr" in tags[i].feats
        ),
        None,
    )
    if pronoun is None:
        return None
    before = [i for i in sorted(members) if i < pronoun and not tags[i].is_punct]
    if not before:
        return None
    noun = before[-1]
    if is_noun(tags[noun]) and heads[noun][0] == verb:
        return noun
    return None


def _join_om_te(heads: dict[int, list], tags: dict[int, Token]) -> None:
    """Rebuild an "om ... te <infinitive>" clause that Frog left without its body.

    Dutch "om" before "te" + infinitive opens a clause whose head (in UD, and so in spaCy)
    is the infinitive: "Wij hebben u gevraagd om na afloop ... gegevens naar ons te sturen"
    has "sturen" under "gevraagd", with "om", "te" and everything in between under
    "sturen". When Frog gives "om" no body, the clause is rebuilt that way.
    """
    for i in sorted(heads):
        tok = tags[i]
        if tok.lower != "om" or tok.pos != "VZ":
            continue
        if any(h == i and r in ("body", "obj1") for h, r in heads.values()):
            continue
        te = next(
            (
                j
                for j in sorted(heads)
                if j > i
                and tags[j].lower == "te"
                and j + 1 in tags
                and tags[j + 1].pos == "WW"
                and "inf" in tags[j + 1].feats
            ),
            None,
        )
        if te is None:
            continue
        verb = te + 1
        outer = heads[i][0]
        if i <= outer <= verb:
            continue
        heads[verb][0], heads[verb][1] = outer, heads[i][1] or "mod"
        heads[i][0], heads[i][1] = verb, "mark"
        heads[te][0], heads[te][1] = verb, "mark"
        for k in range(i + 1, te):
            if k in heads and not i <= heads[k][0] <= verb:
                heads[k][0] = verb


def _reattach_te_infinitive(heads: dict[int, list], tags: dict[int, Token]) -> None:
    """Hang a sentence-final "te + infinitive" that Frog attached inside a prepositional
    phrase from the verb that phrase belongs to.

    "Wij verzoeken u de gegevens uiterlijk op 15 november aan te leveren": Frog hangs "aan te
    leveren" from "november". A time or place phrase takes no te-infinitive; in UD (and so in
    spaCy) "leveren" is the complement (xcomp) of "verzoeken". When the infinitive closes the
    sentence, follows "te", and the way up from where Frog attached it passes a preposition
    before it reaches a verb, the clause moves to that verb (a separable particle before "te",
    "aan", goes with it).
    """
    words = [i for i in sorted(heads) if not tags[i].is_punct]
    if len(words) < 3:
        return
    verb = words[-1]
    te = verb - 1
    if not (tags[verb].pos == "WW" and "inf" in tags[verb].feats and tags.get(te)):
        return
    if tags[te].lower != "te":
        return
    top = te if heads[verb][0] == te else verb
    node = heads[top][0]
    passed_preposition = False
    seen: set[int] = set()
    while node > 0 and node in tags and node not in seen:
        seen.add(node)
        if tags[node].pos == "WW":
            break
        passed_preposition = passed_preposition or tags[node].pos == "VZ"
        node = heads[node][0]
    else:
        return
    if not passed_preposition or node in (verb, te):
        return
    heads[top][0], heads[top][1] = node, "vc"
    particle = te - 1  # "aan te leveren", "over te maken": a preposition without an object
    if (
        particle in tags
        and tags[particle].pos == "VZ"
        and not any(h == particle and r == "obj1" for h, r in heads.values())
    ):
        heads[particle][0], heads[particle][1] = verb, "svp"


def ud_heads(sentence: Sentence) -> dict[int, tuple[int, str]]:
    """Re-hang Frog's Alpino-style tree the way Universal Dependencies (spaCy) does.

    LiNT-II measures dependency lengths on UD trees, where content words are heads: the noun
    heads a prepositional phrase, the main verb heads its auxiliaries, the predicate heads a
    copula, the verb of a subordinate clause heads its conjunction, and the first conjunct
    heads a coordination. Returns index -> (head, relation); the root has head 0.
    """
    heads = {t.index: [t.head, t.deprel] for t in sentence.tokens}
    tags = {t.index: t for t in sentence.tokens}
    _join_fragments(heads, tags)
    _join_om_te(heads, tags)
    _reattach_te_infinitive(heads, tags)

    def children(i: int, rel: str | None = None) -> list[int]:
        return sorted(
            j for j, (h, r) in heads.items() if h == i and (rel is None or r == rel) and j != i
        )

    def promote(old: int, new: int, new_rel: str, move_children: bool) -> None:
        if move_children:
            for j in children(old):
                if j != new:
                    heads[j][0] = new
        heads[new][0], heads[new][1] = heads[old][0], heads[old][1]
        heads[old][0], heads[old][1] = new, new_rel

    for _ in range(len(heads)):  # subordinate clauses: the verb heads the conjunction
        done = True
        for i in sorted(heads):
            body = children(i, "body")
            if body:
                promote(i, body[0], "mark", move_children=False)
                for extra in body[1:]:  # Frog gave the conjunction two clauses: one is
                    heads[extra][0], heads[extra][1] = body[0], "mod"  # the other's modifier
                done = False
                break
        if done:
            break
    for i in sorted(heads):  # prepositional phrases: the noun heads the preposition
        if tags[i].pos == "VZ":
            obj = children(i, "obj1")
            if obj:
                promote(i, obj[0], "case", move_children=False)
    for _ in range(len(heads)):  # auxiliaries and copulas: the content word is the head
        done = True
        for i in sorted(heads):
            tok = tags[i]
            if tok.pos != "WW" or heads[i][1] in ("aux", "cop"):
                continue
            lemma = tok.lemma.lower()
            vc = [j for j in children(i, "vc") if tags[j].pos == "WW"]
            if lemma in AUXILIARY_LEMMAS and vc:
                promote(i, vc[0], "aux", move_children=True)
                done = False
                break
            predc = children(i, "predc")
            if lemma in COPULA_LEMMAS and predc:
                promote(i, predc[0], "cop", move_children=True)
                done = False
                break
        if done:
            break
    for i in sorted(heads):  # coordination: the first conjunct heads the others
        conj = children(i, "cnj")
        if conj and tags[i].pos == "VG":
            first = conj[0]
            promote(i, first, "cc", move_children=True)
            if heads[first][1] in ("cnj", "crd"):  # nested coordination: X en Y of Z
                heads[first][1] = "conj"
            for j in conj[1:]:
                heads[j][1] = "conj"
            later = [j for j in conj if j > i]
            if later:
                heads[i][0] = later[0]
    return {i: (h, r) for i, (h, r) in heads.items()}


def _resolved_heads(index: int, heads: dict[int, tuple[int, str]], sentence: Sentence) -> list[int]:
    """LiNT-II's head rule: conjuncts take the head of the first conjunct; a subject of
    coordinated verbs has all of them as heads."""
    current = index
    for _ in range(len(heads)):
        head, rel = heads.get(current, (0, ""))
        if rel != "conj" or head <= 0 or head == current:
            break
        current = head
    head, rel = heads.get(current, (0, ""))
    if rel == "su" and head > 0:
        conj = [j for j, (h, r) in heads.items() if h == head and r == "conj"]
        return [head, *conj]
    return [head]


def _length(sentence: Sentence, index: int, head: int) -> int:
    if head <= 0 or head == index:
        return 0
    lo, hi = sorted((index, head))
    between = [t for t in sentence.tokens if lo <= t.index < hi and not t.is_punct]
    return max(0, len(between) - 1)


def dependency_lengths(sentence: Sentence) -> dict[int, int]:
    """Dependency length per token: non-punctuation tokens between it and its head."""
    heads = ud_heads(sentence)
    out: dict[int, int] = {}
    for token in sentence.tokens:
        if token.is_punct:
            out[token.index] = 0
            continue
        out[token.index] = max(
            _length(sentence, token.index, h) for h in _resolved_heads(token.index, heads, sentence)
        )
    return out


# ---------------------------------------------------------------- features


@dataclass
class SentenceReadability:
    """LiNT-II features and score of one sentence."""

    index: int
    frequencies: list[tuple[str, float]] = field(default_factory=list)
    content_words: list[str] = field(default_factory=list)
    finite_verbs: int = 0
    nouns: dict[str, list[str]] = field(default_factory=dict)
    max_sdl: int | None = None
    word_count: int = 0

    @property
    def mean_log_word_frequency(self) -> float | None:
        if not self.frequencies:
            return None
        return statistics.mean(f for _, f in self.frequencies)

    @property
    def content_words_per_clause(self) -> float | None:
        """Content words per finite verb; a sentence without a finite verb is one clause
        (as LiNT-II does since its structure-aware version)."""
        if not self.word_count:
            return None
        return len(self.content_words) / (self.finite_verbs or 1)

    @property
    def proportion_concrete_nouns(self) -> float | None:
        counted = sum(len(self.nouns.get(k, [])) for k in ("concrete", "abstract", "undefined"))
        if not counted:
            return None
        return len(self.nouns.get("concrete", [])) / counted

    @property
    def lint_score(self) -> float | None:
        return lint_score(
            self.mean_log_word_frequency,
            self.max_sdl,
            self.content_words_per_clause,
            self.proportion_concrete_nouns,
        )

    @property
    def lint_level(self) -> int | None:
        return lint_level(self.lint_score)


def spacy_word_classes(sentence: Sentence) -> Sentence:
    """Frog's tags where spaCy's (trained on the Lassy treebank) would differ in the way
    Dutch spelling decides, for the LiNT-II features only (findings keep Frog's tags).

    - A capitalised common noun that does not open the sentence ("uw aanvraag bij de
      Belastingdienst", "Mijn Oosterwijde", "DigiD") is a name (PROPN): Dutch writes common
      nouns in lower case, and Lassy tags such words N(eigen). Names give no word frequency.
    - A lower-case word that Frog marks as part of a name (SPEC(deeleigen)) but that the noun
      list knows is a common noun: the month in "op 3 september 2026" (Lassy: N(soort)).
    - A name with initials or after a title is one person (`_person_names`).
    """
    data = lint_data()
    first = next((t.index for t in sentence.tokens if not t.is_punct), 0)
    changed = False
    tokens = []
    for t in sentence.tokens:
        if t.pos == "N" and "soort" in t.feats and t.index != first and t.word[:1].isupper():
            t = replace(t, tag=t.tag.replace("soort", "eigen", 1))
            changed = True
        elif (
            t.pos == "SPEC"
            and "deeleigen" in t.feats
            and t.word.islower()
            and t.lower in data.nouns
        ):
            t = replace(t, tag="N(soort,ev,basis,zijd,stan)")
            changed = True
        tokens.append(t)
    changed = _person_names(tokens) or changed
    return replace(sentence, tokens=tokens) if changed else sentence


#: A person's name in Dutch letters: initials ("P.C.", "Th.") ...
_INITIALS = re.compile(r"\A(?:[A-Z][a-z]?\.)+\Z")
#: ... or a title before the name.
_TITLES = frozenset(
    {"mr.", "mr", "drs.", "drs", "dr.", "dr", "ir.", "ir", "prof.", "dhr.", "dhr", "mevr.", "mw."}
    | {"meneer", "mevrouw", "heer"}
)


def _person_names(tokens: list[Token]) -> bool:
    """Mark a whole name as a person when Dutch writing conventions say it is one: a run of
    name parts (SPEC(deeleigen)) that opens with initials or follows a title ("mr. P.C. Smit",
    "drs. A.B. de Vries", "mevrouw Jansen"). spaCy gives such a name one PERSON entity, which
    LiNT-II counts as concrete; Frog often splits it (P.C./PRO + Smit/ORG). Changes `tokens`
    in place; True when something changed."""
    changed = False
    i = 0
    while i < len(tokens):
        if not (tokens[i].pos == "SPEC" and "deeleigen" in tokens[i].feats):
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].pos == "SPEC" and "deeleigen" in tokens[j].feats:
            j += 1
        titled = i > 0 and tokens[i - 1].lower in _TITLES
        if titled or _INITIALS.match(tokens[i].word):
            for k in range(i, j):
                ne = "B-PER" if k == i else "I-PER"
                if tokens[k].ne != ne:
                    tokens[k] = replace(tokens[k], ne=ne)
                    changed = True
        i = j
    return changed


def sentence_readability(sentence: Sentence) -> SentenceReadability:
    """Compute the LiNT-II features of one sentence."""
    sentence = spacy_word_classes(sentence)
    result = SentenceReadability(index=sentence.index)
    nouns: dict[str, list[str]] = {}
    lengths: list[int] = []
    dep_lengths = dependency_lengths(sentence)
    for token in sentence.tokens:
        if token.is_punct:
            continue
        result.word_count += 1
        lengths.append(dep_lengths.get(token.index, 0))
        if token.is_finite_verb:
            result.finite_verbs += 1
        if is_content_word(sentence, token):
            result.content_words.append(token.lower)
        freq = word_frequency(sentence, token)
        if freq is not None:
            result.frequencies.append((token.lower, freq))
        kind = noun_type(token)
        if kind is not None:
            nouns.setdefault(kind, []).append(token.lower)
    result.nouns = nouns
    has_parse = any(t.head >= 0 for t in sentence.tokens)
    if len(lengths) >= 2 and has_parse:
        result.max_sdl = max(lengths)
    return result


@dataclass
class Readability:
    """LiNT-II and Flesch-Douma for a whole letter.

    `sentences` has every sentence; the letter's figures average only the scored ones (the
    prose, as LiNT-II does: not the subject line, salutation, headings, address, amounts or
    signature). When a text has no prose at all, every sentence is scored.
    """

    sentences: list[SentenceReadability]
    flesch_douma: float | None
    scored_indices: frozenset[int] | None = None

    @property
    def scored(self) -> list[SentenceReadability]:
        if self.scored_indices is None:
            return self.sentences
        return [s for s in self.sentences if s.index in self.scored_indices]

    @property
    def mean_log_word_frequency(self) -> float | None:
        freqs = [f for s in self.scored for _, f in s.frequencies]
        return statistics.mean(freqs) if freqs else None

    @property
    def mean_max_sdl(self) -> float | None:
        values = [s.max_sdl for s in self.scored if s.max_sdl is not None]
        return statistics.mean(values) if values else None

    @property
    def mean_content_words_per_clause(self) -> float | None:
        values = [
            s.content_words_per_clause
            for s in self.scored
            if s.content_words_per_clause is not None
        ]
        return statistics.mean(values) if values else None

    @property
    def proportion_concrete_nouns(self) -> float | None:
        concrete = sum(len(s.nouns.get("concrete", [])) for s in self.scored)
        counted = sum(
            len(s.nouns.get(k, []))
            for s in self.scored
            for k in ("concrete", "abstract", "undefined")
        )
        return concrete / counted if counted else None

    @property
    def lint_score(self) -> float | None:
        return lint_score(
            self.mean_log_word_frequency,
            self.mean_max_sdl,
            self.mean_content_words_per_clause,
            self.proportion_concrete_nouns,
        )

    @property
    def lint_level(self) -> int | None:
        return lint_level(self.lint_score)

    def features(self) -> dict[str, float | None]:
        return {
            "mean_log_word_frequency": self.mean_log_word_frequency,
            "mean_max_dependency_length": self.mean_max_sdl,
            "content_words_per_clause": self.mean_content_words_per_clause,
            "proportion_concrete_nouns": self.proportion_concrete_nouns,
        }


# ---------------------------------------------------------------- Flesch-Douma


@lru_cache(maxsize=1)
def _hyphenator():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


def syllables(word: str) -> int:
    """Number of syllables of a Dutch word (via pyphen's hyphenation patterns)."""
    letters = "".join(c for c in word if c.isalpha())
    if not letters:
        return 0
    return max(1, len(_hyphenator().positions(letters.lower())) + 1)


def flesch_douma(sentences: list[Sentence]) -> float | None:
    """Flesch-Douma reading ease: 206.835 - 0.93 * words/sentence - 77 * syllables/word,
    clamped to the scale's 0-100 (a 450-word sentence would otherwise give -370)."""
    words = [
        t.word
        for s in sentences
        for t in s.tokens
        if not t.is_punct and any(c.isalpha() for c in t.word)
    ]
    counted = [s for s in sentences if s.words]
    if not words or not counted:
        return None
    syl = sum(syllables(w) for w in words)
    value = 206.835 - 0.93 * (len(words) / len(counted)) - 77.0 * (syl / len(words))
    return min(100.0, max(0.0, value))


def scored_sentences(analyzed: AnalyzedText) -> list[Sentence]:
    """The sentences LiNT-II scores: the prose; all sentences when there is no prose."""
    prose = [s for s in analyzed.sentences if s.scored and s.words]
    return prose or [s for s in analyzed.sentences if s.words]


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def is_unscoreable_fragment(text: str) -> bool:
    """LiNT-II's test for a prose line that is a fragment, applied to sentences it cannot
    score: no word of letters (a bare number), ending in a colon (a label), or three words or
    fewer ("M. de Boer", "Hebt u vragen?" when it has no scorable noun)."""
    words = _LETTER_RUN.findall(text)
    if not words:
        return True
    if text.rstrip().endswith(":"):
        return True
    return len(words) <= 3


_SENTENCE_FINAL_TOKENS = frozenset({".", "!", "?"})


def _joined(first: Sentence, second: Sentence) -> Sentence:
    """One sentence of two: the second's tokens renumbered after the first's."""
    offset = len(first.tokens)
    moved = [
        replace(t, index=t.index + offset, head=t.head + offset if t.head > 0 else t.head)
        for t in second.tokens
    ]
    return replace(first, tokens=[*first.tokens, *moved], end=second.end)


def _merge_short_sentences(
    analyzed: AnalyzedText, per_sentence: list[SentenceReadability]
) -> set[int]:
    """LiNT-II's text mode merges a sentence of at most two words that does not end in . ! ?
    ("Let op:") into the next sentence of the same line. We do the same for the scores: the
    short sentence's figures become those of the two together (Frog's two trees side by side,
    joined into one tree by `ud_heads`), and the next sentence is no longer scored on its own.
    Returns the indices of the sentences merged into the one before."""
    merged_away: set[int] = set()
    sentences = analyzed.sentences
    i = 0
    while i + 1 < len(sentences):
        short, nxt = sentences[i], sentences[i + 1]
        last = short.tokens[-1].word if short.tokens else ""
        if (
            short.scored
            and nxt.scored
            and 0 < len(short.words) <= 2
            and last not in _SENTENCE_FINAL_TOKENS
            and "\n" not in analyzed.text[short.end : nxt.start]
        ):
            per_sentence[short.index] = replace(
                sentence_readability(_joined(short, nxt)), index=short.index
            )
            merged_away.add(nxt.index)
            i += 2
        else:
            i += 1
    return merged_away


def readability(analyzed: AnalyzedText) -> Readability:
    """All readability figures for an analysed letter (averaged over its prose).

    As LiNT-II does, a sentence of at most two words without . ! ? is scored together with
    the next one on its line (`_merge_short_sentences`), and a prose sentence that gets no
    score (a feature is missing) and is a fragment (`is_unscoreable_fragment`) is left out of
    the letter's figures altogether.
    """
    per_sentence = [sentence_readability(s) for s in analyzed.sentences]
    merged_away = _merge_short_sentences(analyzed, per_sentence)
    by_index = {r.index: r for r in per_sentence}
    prose = [s for s in scored_sentences(analyzed) if s.index not in merged_away]
    scored = [
        s
        for s in prose
        if by_index[s.index].lint_score is not None or not is_unscoreable_fragment(s.text)
    ] or prose
    return Readability(
        sentences=per_sentence,
        flesch_douma=flesch_douma(scored),
        scored_indices=frozenset(s.index for s in scored),
    )
