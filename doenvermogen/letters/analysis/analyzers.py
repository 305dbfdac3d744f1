"""Language analysers: the `Analyzer` protocol, Frog output parsing, frozen and simple analysers.

Lives here: splitting a letter into segments (lines that belong together), parsing Frog's
tab-separated output into tokens, aligning tokens to character offsets in the original text,
`FrozenAnalyzer` (replays Frog output saved to files, for tests) and `SimpleAnalyzer` (a regex
tokenizer without tags or parse, for robustness tests and as a last resort).
Not here: the running Frog process (see `frog.py`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, runtime_checkable

from .model import AnalyzedText, Sentence, Token

#: Marker between segments; Frog is started with ``--uttmarker`` set to this.
UTTERANCE_MARKER = "|||"

_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*$")
_BULLET = re.compile(r"^\s*(?:[-•*–·]|\d{1,2}[.)])\s+")
_SHORT_LINE = 55


class AnalyzerError(RuntimeError):
    """The language analyser could not analyse the text (crashed, timed out, not installed)."""


@runtime_checkable
class Analyzer(Protocol):
    """Something that turns text segments into sentences of tagged, parsed tokens.

    Each returned sentence is a list of `Token` without offsets; sentences come in text order
    and never cross a segment boundary.
    """

    name: str

    def analyze_segments(self, segments: Sequence[str]) -> list[list[Token]]: ...


#: Frog gets at most this many words without a sentence end in one go. Frog's parser grows
#: much faster than linearly with sentence length (450 words without a full stop took 66 s);
#: longer runs are cut into pieces for Frog and joined again afterwards (one sentence, one
#: `long_sentence` finding).
MAX_FROG_WORDS = 60
_WORD_SPAN = re.compile(r"\S+")
_CLOSERS = "\"')]\u201d\u2019 "
_SENTENCE_FINAL = (".", "!", "?", "\u2026")


def ends_like_sentence(line: str) -> bool:
    """The line (or word) ends with . ! ? or … (closing quotes and brackets ignored)."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_FINAL


_INTERNAL_SENTENCE_END = re.compile(r"[.!?\u2026]\s")
_LINK_WORD = re.compile(r"\A(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+)\Z", re.IGNORECASE)


def is_prose_line(line: str) -> bool:
    """LiNT-II's test for prose (its structure-aware segmentation, text mode): the line ends
    like a sentence; or it holds a whole sentence before its end (". " inside, so a line that
    introduces a list with a colon still counts); or it ends with a web address or e-mail
    address after some words. Headings, salutations ("Geachte heer,"), subject lines,
    addresses, amounts and signatures are not prose."""
    stripped = line.rstrip(_CLOSERS)
    if not stripped:
        return False
    if stripped[-1] in _SENTENCE_FINAL or _INTERNAL_SENTENCE_END.search(line):
        return True
    words = stripped.rsplit(None, 1)
    return len(words) == 2 and bool(_LINK_WORD.match(words[1]))


@dataclass(frozen=True)
class Piece:
    """A piece of the letter as Frog gets it, with where it sits in the text."""

    text: str
    start: int
    end: int
    #: The segment ends like a sentence, so LiNT-II scores it.
    prose: bool
    #: A forced cut inside an over-long sentence: this piece continues the previous one.
    continues: bool = False


def segment_spans(text: str) -> list[tuple[int, int, str]]:
    """Split a letter into segments with their offsets: paragraphs, with hard-wrapped lines
    joined again.

    A line ends its segment when it ends like a sentence, is short (a salutation, an address
    line, a signature), or the next line is a list item. Blank lines always end a segment.
    """
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    spans: list[tuple[int, int, str]] = []
    current: list[str] = []
    first = last = 0

    def close() -> None:
        if current:
            spans.append((first, last, " ".join(current).replace(UTTERANCE_MARKER, "| | |")))
            current.clear()

    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            close()
            continue
        begin = offsets[i] + (len(raw) - len(raw.lstrip()))
        if not current:
            first = begin
        current.append(line)
        last = begin + len(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            _SENTENCE_END.search(line)
            or len(line) < _SHORT_LINE
            or _BULLET.match(nxt)
            or not nxt.strip()
        ):
            close()
    close()
    return spans


def segment_text(text: str) -> list[str]:
    """The segments of `segment_spans` without offsets."""
    return [segment for _start, _end, segment in segment_spans(text)]


def _cut_points(words: list[re.Match[str]], limit: int) -> list[int]:
    """Indices of words after which an over-long run is cut (after a comma when near)."""
    cuts: list[int] = []
    run_start = 0
    for i, word in enumerate(words):
        if ends_like_sentence(word.group(0)):
            run_start = i + 1
            continue
        if i - run_start + 1 >= limit:
            cut = i
            for j in range(i, max(run_start, i - limit // 3), -1):
                if words[j].group(0).endswith((",", ";", ":")):
                    cut = j
                    break
            cuts.append(cut)
            run_start = cut + 1
    return cuts


def frog_pieces(text: str, limit: int = MAX_FROG_WORDS) -> list[Piece]:
    """The pieces Frog gets: the segments, with runs of more than `limit` words without a
    sentence end cut into pieces that each continue the previous one."""
    pieces: list[Piece] = []
    for start, end, segment in segment_spans(text):
        prose = is_prose_line(segment)
        words = list(_WORD_SPAN.finditer(text, start, end))
        cuts = _cut_points(words, limit)
        if not cuts:
            pieces.append(Piece(segment, start, end, prose))
            continue
        begin = 0
        for k, cut in enumerate([*cuts, len(words) - 1]):
            part = words[begin : cut + 1]
            if not part:
                continue
            piece_text = " ".join(w.group(0) for w in part).replace(UTTERANCE_MARKER, "| | |")
            pieces.append(Piece(piece_text, part[0].start(), part[-1].end(), prose, k > 0))
            begin = cut + 1
    return pieces


def segments_key(segments: Sequence[str]) -> str:
    """A stable key for a list of segments (used to find frozen Frog output)."""
    return hashlib.sha256("\n".join(segments).encode("utf-8")).hexdigest()


def _split_mwu(cols: list[str]) -> list[list[str]]:
    """Split a Frog multi-word unit row (``ten_behoeve_van``) into one row per part."""
    parts = cols[1].split("_")
    tags = cols[4].split("_")
    if len(parts) < 2 or len(tags) != len(parts):
        return [cols]
    lemmas = cols[2].split("_")
    nes = cols[6].split("_")
    chunks = cols[7].split("_")
    rows = []
    for j, part in enumerate(parts):
        rows.append(
            [
                cols[0],
                part,
                lemmas[j] if len(lemmas) == len(parts) else part,
                "",
                tags[j],
                cols[5],
                nes[j] if len(nes) == len(parts) else "O",
                chunks[j] if len(chunks) == len(parts) else "",
                cols[8] if j == 0 else "",
                cols[9] if j == 0 else "mwp",
            ]
        )
    return rows


def _normalise_columns(cols: list[str]) -> list[str]:
    """Bring a Frog row to exactly ten columns.

    With modules skipped Frog leaves some columns empty or adds an extra empty one, so the
    parser's head and relation are taken from the end of the row.
    """
    fixed = (cols[:7] + [""] * 7)[:7]
    rest = cols[7:]
    while rest and not rest[-1].strip():
        rest.pop()
    head, deprel = "", ""
    if len(rest) >= 2 and rest[-2].strip().lstrip("-").isdigit():
        head, deprel = rest[-2].strip(), rest[-1].strip()
        rest = rest[:-2]
    chunk = next((c for c in rest if c.strip()), "")
    return [*fixed, chunk, head, deprel]


def _to_int(value: str, default: int = -1) -> int:
    try:
        return int(value)
    except ValueError:
        return default


def _to_float(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def _build_sentence(rows: list[list[str]]) -> list[Token]:
    expanded: list[tuple[int, list[str]]] = []
    for cols in rows:
        for part in _split_mwu(cols):
            expanded.append((_to_int(cols[0]), part))
    # Map Frog's original index to the new index of the first part of that row.
    first_new: dict[int, int] = {}
    for new_i, (orig, _part) in enumerate(expanded, start=1):
        first_new.setdefault(orig, new_i)
    tokens: list[Token] = []
    for new_i, (orig, c) in enumerate(expanded, start=1):
        if c[9] == "mwp":
            head = first_new.get(orig, -1)
        else:
            raw_head = _to_int(c[8])
            head = 0 if raw_head == 0 else first_new.get(raw_head, -1)
        tokens.append(
            Token(
                index=new_i,
                word=c[1],
                lemma=c[2],
                morph=c[3],
                tag=c[4],
                confidence=_to_float(c[5]),
                ne=c[6] or "O",
                chunk=c[7],
                head=head,
                deprel=c[9] if c[9] != "None" else "",
            )
        )
    return tokens


def parse_frog_output(output: str) -> list[list[Token]]:
    """Parse Frog's tab-separated output into sentences of tokens.

    Columns: index, word, lemma, morphology, CGN tag, confidence, named entity, chunk, head,
    dependency relation. A blank line ends a sentence. Multi-word units (``Den_Haag``) become
    one token per part; later parts get the relation ``mwp`` to the first part.
    """
    sentences: list[list[Token]] = []
    rows: list[list[str]] = []
    for line in output.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            if rows:
                sentences.append(_build_sentence(rows))
                rows = []
            continue
        cols = line.split("\t")
        if len(cols) < 5 or not cols[0].strip().isdigit():
            continue
        cols = _normalise_columns(cols)
        if cols[1] == UTTERANCE_MARKER:
            continue
        rows.append(cols)
    if rows:
        sentences.append(_build_sentence(rows))
    return [s for s in sentences if s]


def align(text: str, sentences: Iterable[list[Token]]) -> list[Sentence]:
    """Give every token its character offsets in `text`, walking forward through the text."""
    cursor = 0
    out: list[Sentence] = []
    n = len(text)
    for tokens in sentences:
        placed: list[Token] = []
        for tok in tokens:
            word = tok.word
            while cursor < n and text[cursor].isspace():
                cursor += 1
            if word and text.startswith(word, cursor):
                start = cursor
            else:
                start = text.find(word, cursor, cursor + 200) if word else -1
                if start < 0 and word:
                    low = text[cursor : cursor + 200].lower().find(word.lower())
                    start = cursor + low if low >= 0 else -1
            if start >= 0:
                end = start + len(word)
                cursor = end
                placed.append(tok.with_offsets(start, end))
            else:
                placed.append(tok)
        found = [t for t in placed if t.start >= 0]
        s_start = found[0].start if found else cursor
        s_end = found[-1].end if found else cursor
        out.append(
            Sentence(
                index=len(out),
                tokens=placed,
                start=s_start,
                end=s_end,
                text=text[s_start:s_end],
            )
        )
    return out


#: Verbs Frog sometimes reads as an infinitive in a main clause ("Aan de keuring zijn geen
#: kosten verbonden": zijn/WW(inf)), so the sentence has no finite verb and drops out of
#: LiNT-II's clause count.
_FINITE_AS_INFINITIVE = frozenset(
    {"zijn", "hebben", "worden", "kunnen", "moeten", "mogen", "willen", "zullen", "blijven"}
)
#: Plural verb forms Frog reads as a plural noun ("De kosten bedragen € 25": N(soort,mv)).
_VERBS_READ_AS_NOUNS = frozenset(
    {"bedragen", "bedroegen", "betreffen", "betroffen", "omvatten", "beslaan", "bestaan"}
)
_DETERMINERS = frozenset(
    {"de", "het", "een", "deze", "die", "dit", "dat", "uw", "onze", "ons", "hun", "mijn", "jouw"}
)


def _repair_noun_after_hebben(sentence: Sentence) -> Sentence:
    """ "Hebt u vragen?": Frog reads "vragen" as an infinitive under "hebben". Dutch "hebben"
    takes a participle, never a bare infinitive, so such an infinitive (not after "te") is
    the plural noun that is the object of "hebben"; it becomes N(soort,mv) and the object."""
    tokens = list(sentence.tokens)
    changed = False
    for t in sentence.tokens:
        if not (t.is_finite_verb and t.lemma.lower() == "hebben"):
            continue
        for j, c in enumerate(tokens):
            before = tokens[j - 1].word.lower() if j else ""
            if (
                c.head == t.index
                and c.deprel == "vc"
                and c.pos == "WW"
                and "inf" in c.feats
                and before != "te"
                and c.lower.endswith("en")
            ):
                tokens[j] = replace(c, tag="N(soort,mv,basis)", lemma=c.lower, deprel="obj1")
                changed = True
    return replace(sentence, tokens=tokens) if changed else sentence


#: Words before which a noun reading is impossible: a noun with one of these in front is a
#: real noun ("het uiterlijk", "de ontvangen", "twee ..."), not a mis-tag.
_NOUN_FRAME = frozenset({"LID", "TW", "ADJ"})
#: Adverbially used adjectives Frog reads as a noun when no article precedes them:
#: "uiterlijk op 15 november" is "at the latest", not "appearance" (which always has an
#: article or possessive: "het uiterlijk", "zijn uiterlijk").
_ADVERBIAL_READ_AS_NOUN = frozenset({"uiterlijk"})
#: The prefixes of a Dutch past participle that ends in -en (ge-, or an inseparable prefix:
#: ontvangen, bevonden, verzonden, herschreven; a separable particle before ge-: opgegeven).
_PARTICIPLE_EN = re.compile(r"\A(?:[a-z]*ge|be|ver|ont|her|er)[a-z]{2,}en\Z")
#: Auxiliaries of the perfect and the passive: they take a participle as their complement.
_PERFECT_AUXILIARIES = frozenset({"hebben", "zijn", "worden"})


def _noun_frame_before(tokens: Sequence[Token], i: int) -> bool:
    """The word before token i makes it a noun: an article, numeral, adjective or a
    determiner/possessive pronoun."""
    if i == 0:
        return False
    before = tokens[i - 1]
    return (
        before.pos in _NOUN_FRAME
        or before.lower in _DETERMINERS
        or (before.pos == "VNW" and "det" in before.feats)
    )


def _repair_adverbial_adjective(sentence: Sentence) -> Sentence:
    """ "Stuur het uiterlijk op 1 mei": Frog sometimes reads "uiterlijk" (at the latest) as the
    noun "appearance". Without an article or possessive in front it is the adverbially used
    adjective, ADJ(vrij) as Frog itself tags it elsewhere and as the Lassy treebank (and so
    spaCy) has it: a content word, but no noun."""
    tokens = list(sentence.tokens)
    changed = False
    for i, t in enumerate(tokens):
        if (
            t.pos == "N"
            and t.lower in _ADVERBIAL_READ_AS_NOUN
            and not _noun_frame_before(tokens, i)
        ):
            tokens[i] = replace(t, tag="ADJ(vrij,basis,zonder)", lemma=t.lower)
            changed = True
    return replace(sentence, tokens=tokens) if changed else sentence


def _repair_participle_read_as_noun(sentence: Sentence) -> Sentence:
    """ "Uw betaling hebben wij nog niet ontvangen": Frog reads the participle "ontvangen" as a
    plural noun, the object of "hebben". A word that ends the sentence, looks like a past
    participle in -en (`_PARTICIPLE_EN`), is no plural noun of the LiNT-II noun list, has no
    article, numeral or adjective in front, and follows a finite hebben/zijn/worden that has
    no verbal complement, is that complement: WW(vd), hanging from the auxiliary."""
    from .readability import lint_data

    words = [t for t in sentence.tokens if not t.is_punct]
    if len(words) < 3:
        return sentence
    last = words[-1]
    if not (
        last.pos == "N"
        and "mv" in last.feats
        and _PARTICIPLE_EN.match(last.lower)
        and last.lower not in lint_data().nouns
    ):
        return sentence
    tokens = list(sentence.tokens)
    i = tokens.index(last)
    if _noun_frame_before(tokens, i):
        return sentence
    auxiliary = next(
        (
            t
            for t in tokens[:i]
            if t.is_finite_verb
            and t.lemma.lower() in _PERFECT_AUXILIARIES
            and not any(c.head == t.index and c.deprel == "vc" for c in tokens)
        ),
        None,
    )
    if auxiliary is None:
        return sentence
    tokens[i] = replace(
        last, tag="WW(vd,vrij,zonder)", lemma=last.lower, head=auxiliary.index, deprel="vc"
    )
    return replace(sentence, tokens=tokens)


def _infinitives(stem: str) -> list[str]:
    """The infinitives an imperative (the verb's stem) can have by Dutch spelling: bel ->
    bellen, noem -> noemen, stuur -> sturen, geef -> geven, lees -> lezen, zie -> zien."""
    out = [stem + "n", stem + "en"]
    if len(stem) >= 2 and stem[-1] not in "aeiou":
        out.append(stem + stem[-1] + "en")  # short vowel: bel -> bellen
        body, last = stem[:-1], {"f": "v", "s": "z"}.get(stem[-1], stem[-1])
        if len(body) >= 2 and body[-1] == body[-2] and body[-1] in "aeou":
            out.append(body[:-1] + last + "en")  # long vowel: stuur -> sturen, geef -> geven
        elif len(body) >= 2 and body[-2:] in ("ie", "oe", "ui", "ei", "ij", "eu", "ou", "au"):
            out.append(body + last + "en")  # lees/kies: kies -> kiezen
    return out


def _repair_imperative_read_as_abbreviation(sentence: Sentence) -> Sentence:
    """ "Bel ons als u vragen hebt": Frog reads a short imperative that opens the sentence as an
    abbreviation, SPEC(afk), so the sentence loses its finite verb. A capitalised word of
    letters only (no full stop, not in capitals) that opens the sentence, is followed by a
    word, and has an infinitive by Dutch spelling that SUBTLEX-NL knows (the most frequent
    one is its lemma), is that imperative:
    WW(pv,tgw,ev), as spaCy tags it. Real abbreviations ("Dhr", "Mw", "Tel. 020 ...") fail
    one of these tests."""
    from .readability import lint_data

    tokens = sentence.tokens
    if len(tokens) < 2:
        return sentence
    first, nxt = tokens[0], tokens[1]
    word = first.word
    if not (
        first.tag == "SPEC(afk)"
        and word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and any(c.isalpha() for c in nxt.word)
        and not nxt.is_punct
    ):
        return sentence
    freq = lint_data().freq
    known = [f for f in _infinitives(word.lower()) if f in freq]
    if not known:
        return sentence
    infinitive = max(known, key=freq.__getitem__)  # bellen, not the rare "belen"
    fixed = replace(first, tag="WW(pv,tgw,ev)", lemma=infinitive)
    return replace(sentence, tokens=[fixed, *tokens[1:]])


#: Verbs that take a bare infinitive as their complement ("U moet de huur betalen").
_MODALS = frozenset({"kunnen", "moeten", "mogen", "willen", "zullen"})


def _repair_infinitive_read_as_finite(sentence: Sentence) -> Sentence:
    """ "U moet de huur voor 1 mei *betalen*", "Op de factuur moet vermeld *staan* ...": Frog
    reads the infinitive after a modal as a finite plural verb, which counts a clause too many.
    A WW(pv,tgw,mv) in -n without a (noun or pronoun) subject of its own, after a finite
    modal of the same clause (no conjunction, relative pronoun or punctuation between them),
    that is the modal's verbal complement or a loose root of Frog's parse, is the
    infinitive: WW(inf)."""
    tokens = list(sentence.tokens)
    changed = False
    for i, t in enumerate(tokens):
        if not (t.is_finite_verb and "mv" in t.feats and t.lower.endswith("n")):
            continue
        if any(
            c.head == t.index and c.deprel == "su" and c.pos in ("N", "VNW", "SPEC") for c in tokens
        ):
            continue  # "... wat zij doen": a verb with a subject of its own
        for j in range(i - 1, -1, -1):
            before = tokens[j]
            if before.is_punct or before.pos == "VG" or "betr" in before.feats:
                break
            if before.is_finite_verb:
                if before.lemma.lower() in _MODALS and (
                    (t.head == before.index and t.deprel == "vc") or t.head == 0
                ):
                    tokens[i] = replace(t, tag="WW(inf,vrij,zonder)")
                    changed = True
                break
    return replace(sentence, tokens=tokens) if changed else sentence


#: A participle with ge- (also after a separable particle: "opgegeven") is never a finite form.
_GE_PARTICIPLE = re.compile(
    r"\A(?:op|aan|toe|in|uit|af|mee|terug|door|over|na|voor|bij|weg|vast|om)?ge[a-z]+\Z"
)


def _repair_finite_read_as_participle(sentence: Sentence) -> Sentence:
    """ "Als wij uw betaling niet op tijd *ontvangen*, ...": Frog reads the finite plural at the
    end of a subordinate clause as a participle when the two are spelled the same
    (ontvangen, vergeten, bevallen), so the clause loses its finite verb. In a clause opened
    by a subordinating conjunction, up to the next punctuation or conjunction, that has no
    finite verb and a plural subject (wij, zij, jullie, or a plural noun), an auxiliary or
    modal in -en that Frog read as an infinitive ("nadat wij het advies *hebben* ontvangen")
    is the finite verb; without one, a WW(vd) in -en without ge- that closes the clause is:
    WW(pv,tgw,mv)."""
    tokens = list(sentence.tokens)
    changed = False
    for i, c in enumerate(tokens):
        if not (c.pos == "VG" and "onder" in c.feats):
            continue
        span = []
        for t in tokens[i + 1 :]:
            if t.is_punct or t.pos == "VG":
                break
            span.append(t)
        if len(span) < 2 or any(t.is_finite_verb for t in span):
            continue
        last = span[-1]
        plural_subject = any(
            (t.pos == "VNW" and "nomin" in t.feats and "mv" in t.feats)
            or (t.pos == "N" and "mv" in t.feats)
            for t in span[:-1]
        )
        if not plural_subject:
            continue
        auxiliary = next(
            (
                t
                for t in span
                if t.pos == "WW" and "inf" in t.feats and t.lower in _FINITE_AS_INFINITIVE
            ),
            None,
        )
        if auxiliary is not None:  # "nadat wij het advies hebben ontvangen": "hebben"
            tokens[tokens.index(auxiliary)] = replace(auxiliary, tag="WW(pv,tgw,mv)")
            changed = True
        elif (
            last.is_participle
            and last.lower.endswith("en")
            and not _GE_PARTICIPLE.match(last.lower)
        ):
            tokens[tokens.index(last)] = replace(last, tag="WW(pv,tgw,mv)")
            changed = True
    return replace(sentence, tokens=tokens) if changed else sentence


def repair_mistags(sentence: Sentence) -> Sentence:
    """Fix Frog's known mis-tags.

    A plural noun read as an infinitive after "hebben" becomes a noun (see
    `_repair_noun_after_hebben`); a participle read as a plural noun after hebben/zijn/worden
    becomes the participle (`_repair_participle_read_as_noun`); "uiterlijk" without an article
    is the adverbial adjective (`_repair_adverbial_adjective`); an imperative read as an
    abbreviation at the start becomes the finite verb
    (`_repair_imperative_read_as_abbreviation`); an infinitive after a modal read as a finite
    plural becomes the infinitive (`_repair_infinitive_read_as_finite`); the finite verb of
    a subordinate clause read as a participle ("als wij ... ontvangen") becomes finite
    (`_repair_finite_read_as_participle`). In a sentence that
    has no finite verb at all, a main-clause "zijn"/"hebben"/modal tagged as an infinitive
    (not after "te"), or a plural
    verb form such as "bedragen" tagged as a noun (not after a determiner), becomes the
    finite verb. The parse is left as Frog made it, except that a repaired participle hangs
    from its auxiliary.
    """
    sentence = _repair_noun_after_hebben(sentence)
    sentence = _repair_participle_read_as_noun(sentence)
    sentence = _repair_adverbial_adjective(sentence)
    sentence = _repair_imperative_read_as_abbreviation(sentence)
    sentence = _repair_infinitive_read_as_finite(sentence)
    sentence = _repair_finite_read_as_participle(sentence)
    tokens = sentence.tokens
    if any(t.is_finite_verb for t in tokens):
        return sentence
    for i, t in enumerate(tokens):
        before = tokens[i - 1].word.lower() if i else ""
        low = t.word.lower()
        if t.pos == "WW" and "inf" in t.feats and low in _FINITE_AS_INFINITIVE and before != "te":
            fixed = replace(t, tag="WW(pv,tgw,mv)")
        elif t.pos == "N" and low in _VERBS_READ_AS_NOUNS and before not in _DETERMINERS:
            fixed = replace(t, tag="WW(pv,tgw,mv)", lemma=low if low.endswith("en") else t.lemma)
        else:
            continue
        return replace(sentence, tokens=[*tokens[:i], fixed, *tokens[i + 1 :]])
    return sentence


def _merge(first: Sentence, second: Sentence) -> Sentence:
    """Join two sentences that Frog saw apart because we cut an over-long sentence."""
    offset = len(first.tokens)
    moved = [
        replace(t, index=t.index + offset, head=t.head + offset if t.head > 0 else t.head)
        for t in second.tokens
    ]
    return replace(
        first,
        tokens=[*first.tokens, *moved],
        end=max(first.end, second.end),
        capped=True,
    )


def assemble(text: str, pieces: Sequence[Piece], raw: Iterable[list[Token]]) -> AnalyzedText:
    """Align Frog's sentences to `text`, mark which are scored, and join the parts of an
    over-long sentence that was cut for Frog."""
    aligned = align(text, raw)
    out: list[Sentence] = []
    piece_index = 0
    previous_piece = -1
    for sentence in aligned:
        while piece_index + 1 < len(pieces) and sentence.start >= pieces[piece_index + 1].start:
            piece_index += 1
        piece = pieces[piece_index] if pieces else None
        scored = piece.prose if piece is not None else True
        if piece is not None and piece.continues and previous_piece == piece_index - 1 and out:
            out[-1] = _merge(out[-1], sentence)
        else:
            out.append(replace(sentence, index=len(out), scored=scored))
        previous_piece = piece_index
    for i, sentence in enumerate(out):
        if sentence.capped:
            sentence = replace(sentence, text=text[sentence.start : sentence.end])
        out[i] = repair_mistags(sentence)
    return AnalyzedText(text=text, sentences=out)


def analyze_text(text: str, analyzer: Analyzer) -> AnalyzedText:
    """Segment `text`, run `analyzer` on it and align the result to the original text."""
    pieces = frog_pieces(text)
    if not pieces:
        return AnalyzedText(text=text, sentences=[], analyzer=analyzer.name)
    raw = analyzer.analyze_segments([p.text for p in pieces])
    analyzed = assemble(text, pieces, raw)
    analyzed.analyzer = analyzer.name
    return analyzed


class FrozenAnalyzer:
    """Replays Frog output saved earlier (``*.frog.tsv`` files) for the same segments.

    Each file starts with a line ``# segments-sha256 <hex>`` followed by Frog's raw output.
    Unknown input raises `AnalyzerError` (or is passed to `fallback` when one is given).
    """

    name = "frog-frozen"

    def __init__(self, directory: Path | str, fallback: Analyzer | None = None) -> None:
        self.directory = Path(directory)
        self.fallback = fallback
        self._outputs: dict[str, str] = {}
        for path in sorted(self.directory.glob("*.frog.tsv")):
            raw = path.read_text(encoding="utf-8")
            first, _, rest = raw.partition("\n")
            if first.startswith("# segments-sha256 "):
                self._outputs[first.split()[-1]] = rest

    def __contains__(self, text: str) -> bool:
        return segments_key([p.text for p in frog_pieces(text)]) in self._outputs

    def analyze_segments(self, segments: Sequence[str]) -> list[list[Token]]:
        key = segments_key(segments)
        if key in self._outputs:
            return parse_frog_output(self._outputs[key])
        if self.fallback is not None:
            return self.fallback.analyze_segments(segments)
        raise AnalyzerError(
            "No frozen Frog output for this text; run tests/letters/make_fixtures.py"
        )


_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


class SimpleAnalyzer:
    """A regex tokenizer and sentence splitter, without lemmas, tags or parse.

    Good enough to find words, sentences and spans; readability features that need tags
    or a parse come out as None.
    """

    name = "simple"

    def analyze_segments(self, segments: Sequence[str]) -> list[list[Token]]:
        sentences: list[list[Token]] = []
        for segment in segments:
            current: list[Token] = []
            for m in _TOKEN_RE.finditer(segment):
                word = m.group(0)
                if word.isdigit():
                    tag = "TW(hoofd,vrij)"
                elif not any(c.isalnum() for c in word):
                    tag = "LET()"
                else:
                    tag = ""
                current.append(
                    Token(index=len(current) + 1, word=word, lemma=word.lower(), tag=tag)
                )
                if word in {".", "!", "?"}:
                    sentences.append(current)
                    current = []
            if current:
                sentences.append(current)
        return sentences
