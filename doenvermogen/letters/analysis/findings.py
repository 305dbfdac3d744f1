"""Findings: what makes a letter hard to read or stressful, each with a stable code.

Every finding has a code, a severity (``hint`` < ``warning`` < ``problem``), a plain Dutch
message, a concrete suggestion where we have one, and where it sits: the sentence index and
the character span (start, end) in the original text. Letter-level findings (a missing
deadline, contact or sender name) have no sentence or span (None).

Lives here: the word lists loader and one function per code; `find_all()` runs them all.
Not here: readability scores (`readability.py`) or the EAST advice (`east.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import AnalyzedText, Sentence, Token
from .readability import AUXILIARY_LEMMAS

DATA_DIR = Path(__file__).parent / "data"

SEVERITIES = ("hint", "warning", "problem")

#: Every code this module can produce, in report order.
CODES = (
    "threat_without_way_out",
    "missing_deadline",
    "missing_contact",
    "missing_sender_name",
    "negative_framing",
    "shouting",
    "inconsistent_address",
    "long_sentence",
    "subordinate_clauses",
    "passive",
    "officialese",
    "difficult_word",
)

LONG_SENTENCE_WARN = 15
LONG_SENTENCE_FLAG = 20
DIFFICULT_ZIPF = 2.5


@dataclass(frozen=True)
class Finding:
    """One thing to improve in a letter."""

    code: str
    severity: str
    message: str
    suggestion: str | None = None
    sentence_index: int | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Rules:
    officialese: list[tuple[str, str, re.Pattern[str]]]
    plain_words: dict[str, str]
    plain_phrases: list[tuple[str, str, re.Pattern[str]]]
    sanctions: re.Pattern[str]
    way_out: re.Pattern[str]
    help: re.Pattern[str]
    negative_framing: list[tuple[re.Pattern[str], str]]
    zijn_perfect_verbs: frozenset[str]
    adjectival_participles: frozenset[str]
    action_request: re.Pattern[str]
    deadline: re.Pattern[str]
    department_words: frozenset[str]
    closings: re.Pattern[str]
    acronyms: frozenset[str]


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def _any(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _read_tsv(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition("\t")
        rows.append((key.strip(), value.strip()))
    return rows


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Load the word lists from ``data/`` once."""
    import yaml

    raw = yaml.safe_load((DATA_DIR / "rules.yaml").read_text(encoding="utf-8"))
    officialese = sorted(_read_tsv("officialese.tsv"), key=lambda kv: -len(kv[0]))
    return Rules(
        officialese=[(k, v, _phrase_pattern(k)) for k, v in officialese],
        plain_words={k.lower(): v for k, v in _read_tsv("plain_words.tsv") if " " not in k},
        plain_phrases=[
            (k, v, _phrase_pattern(k)) for k, v in _read_tsv("plain_words.tsv") if " " in k
        ],
        sanctions=_any(rf"\b(?:{p})" for p in raw["sanctions"]),
        way_out=_any(rf"\b(?:{p})" for p in raw["way_out"]),
        help=_any(rf"\b(?:{p})\b" for p in raw["help"]),
        negative_framing=[
            (re.compile(item["pattern"], re.IGNORECASE | re.MULTILINE), item["suggestion"])
            for item in raw["negative_framing"]
        ],
        zijn_perfect_verbs=frozenset(raw["zijn_perfect_verbs"]),
        adjectival_participles=frozenset(raw["adjectival_participles"]),
        action_request=_any(raw["action_request"], re.IGNORECASE | re.MULTILINE),
        deadline=_any(raw["deadline"]),
        department_words=frozenset(w.lower() for w in raw["department_words"]),
        closings=_any(rf"^\s*(?:{p})\s*,?\s*$" for p in raw["closings"]),
        acronyms=frozenset(a.upper() for a in raw["acronyms"]),
    )


# ---------------------------------------------------------------- helpers


@dataclass
class Context:
    """Everything a rule may look at."""

    analyzed: AnalyzedText

    @property
    def text(self) -> str:
        return self.analyzed.text

    @property
    def sentences(self) -> list[Sentence]:
        return self.analyzed.sentences

    def sentence_at(self, offset: int) -> int | None:
        for s in self.sentences:
            if s.start <= offset < max(s.end, s.start + 1):
                return s.index
        best = None
        for s in self.sentences:
            if s.start <= offset:
                best = s.index
        return best


def _span(tokens: list[Token]) -> tuple[int | None, int | None]:
    placed = [t for t in tokens if t.start >= 0]
    if not placed:
        return None, None
    return min(t.start for t in placed), max(t.end for t in placed)


def _sentence_span(s: Sentence) -> tuple[int, int]:
    return s.start, s.end


def _children(sentence: Sentence, index: int) -> list[Token]:
    return [t for t in sentence.tokens if t.head == index and t.index != index]


# ---------------------------------------------------------------- rules


def find_officialese(ctx: Context) -> list[Finding]:
    """Officialese words and phrases from our list, with the plain alternative."""
    taken: list[tuple[int, int]] = []
    out: list[Finding] = []
    for _phrase, alternative, pattern in rules().officialese:
        for m in pattern.finditer(ctx.text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            if alternative == "-":
                suggestion = f"Laat \u201c{m.group(0)}\u201d weg."
            else:
                suggestion = (
                    f"Schrijf \u201c{alternative}\u201d in plaats van \u201c{m.group(0)}\u201d."
                )
            out.append(
                Finding(
                    code="officialese",
                    severity="warning",
                    message=f"\u201c{m.group(0)}\u201d is ambtelijke taal.",
                    suggestion=suggestion,
                    sentence_index=ctx.sentence_at(start),
                    start=start,
                    end=end,
                )
            )
    return sorted(out, key=lambda f: f.start or 0)


@lru_cache(maxsize=1)
def _zipf() -> Callable[[str], float]:
    from wordfreq import zipf_frequency

    @lru_cache(maxsize=65536)
    def zipf(word: str) -> float:
        return zipf_frequency(word, "nl")

    return zipf


def _is_difficult_candidate(sentence: Sentence, token: Token) -> bool:
    if token.pos not in ("N", "ADJ", "WW", "BW") or token.is_proper_noun or token.is_number:
        return False
    word = token.word
    if len(word) < 5 or not word.isalpha():
        return False
    # A capital in the middle of a sentence usually means a name Frog did not recognise.
    if word[0].isupper() and token.index > 1 and token.pos != "N":
        return False
    return not (token.pos == "WW" and token.lemma.lower() in AUXILIARY_LEMMAS)


COMPOUND_PART_ZIPF = 3.0


def is_transparent_compound(word: str, depth: int = 2) -> bool:
    """A compound whose parts are common words ("groeiboekje" = groei + boekje)."""
    zipf = _zipf()
    word = word.lower()
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        right_ok = zipf(right) >= COMPOUND_PART_ZIPF or (
            depth > 1 and is_transparent_compound(right, depth - 1)
        )
        if not right_ok:
            continue
        for stem in (left, left[:-1] if left.endswith(("s", "e")) else None):
            if stem and len(stem) >= 3 and zipf(stem) >= COMPOUND_PART_ZIPF:
                return True
    return False


def find_difficult_words(ctx: Context, covered: list[tuple[int, int]]) -> list[Finding]:
    """Rare words (by word frequency), with a plainer word when our list has one.

    Words on our list (``plain_words.tsv``) always count as difficult; other words when
    they are rare and not a compound of common words. The signature is left alone.
    """
    zipf = _zipf()
    plain = rules().plain_words
    out: list[Finding] = []
    seen: set[str] = set()
    sig = signature_lines(ctx.text)
    sig_start = ctx.text.rfind(sig[0]) if sig else -1
    taken = list(covered)
    for phrase, alternative, pattern in rules().plain_phrases:
        for m in pattern.finditer(ctx.text):
            if any(m.start() < e and st < m.end() for st, e in taken):
                continue
            taken.append(m.span())
            seen.add(phrase)
            out.append(
                Finding(
                    code="difficult_word",
                    severity="hint",
                    message=f"\u201c{m.group(0)}\u201d is moeilijk: veel mensen kennen het niet.",
                    suggestion=f"Schrijf \u201c{alternative}\u201d.",
                    sentence_index=ctx.sentence_at(m.start()),
                    start=m.start(),
                    end=m.end(),
                )
            )
    covered = taken
    for s in ctx.sentences:
        for t in s.tokens:
            if t.start < 0 or not _is_difficult_candidate(s, t):
                continue
            if any(t.start < e and st < t.end for st, e in covered):
                continue
            if 0 <= sig_start <= t.start:
                continue
            low = t.word.lower()
            if low in seen:
                continue
            listed = low in plain or t.lemma.lower() in plain
            rare = max(zipf(low), zipf(t.lemma.lower()) if t.lemma else 0.0) < DIFFICULT_ZIPF
            if not listed and (not rare or is_transparent_compound(low)):
                continue
            seen.add(low)
            alternative = plain.get(low) or plain.get(t.lemma.lower())
            out.append(
                Finding(
                    code="difficult_word",
                    severity="hint",
                    message=f"\u201c{t.word}\u201d is een moeilijk woord: "
                    "veel mensen kennen het niet.",
                    suggestion=(
                        f"Schrijf \u201c{alternative}\u201d."
                        if alternative
                        else "Kies een woord dat vaker voorkomt, of leg het woord uit."
                    ),
                    sentence_index=s.index,
                    start=t.start,
                    end=t.end,
                )
            )
    return out


def find_long_sentences(ctx: Context) -> list[Finding]:
    """Sentences over 15 words (warning) or over 20 words (problem)."""
    out = []
    for s in ctx.sentences:
        n = len(s.words)
        if n <= LONG_SENTENCE_WARN:
            continue
        severe = n > LONG_SENTENCE_FLAG
        out.append(
            Finding(
                code="long_sentence",
                severity="problem" if severe else "warning",
                message=f"Deze zin heeft {n} woorden. Zinnen tot 15 woorden lezen makkelijker.",
                suggestion="Maak er twee of drie korte zinnen van, met één boodschap per zin.",
                sentence_index=s.index,
                start=s.start,
                end=s.end,
            )
        )
    return out


def _passive_pairs(s: Sentence) -> list[tuple[Token, Token]]:
    """(auxiliary, participle) pairs that form a passive in this sentence."""
    zijn_verbs = rules().zijn_perfect_verbs
    pairs: list[tuple[Token, Token]] = []
    has_parse = any(t.head >= 0 for t in s.tokens)
    for aux in s.tokens:
        lemma = aux.lemma.lower()
        if aux.pos != "WW" or lemma not in ("worden", "zijn"):
            continue
        if has_parse:
            candidates = [
                c
                for c in _children(s, aux.index)
                if c.is_participle and c.deprel in ("vc", "predc")
            ]
        else:  # no parse: the nearest participle in the next eight tokens
            candidates = []
            for t in s.tokens[aux.index : aux.index + 8]:
                if t.pos == "LET" or (t.pos == "VG" and "onder" in t.feats):
                    break
                if t.is_participle:
                    candidates = [t]
                    break
        for part in candidates:
            plemma = part.lemma.lower()
            if lemma == "zijn" and plemma in zijn_verbs:
                continue  # perfect tense: "Ik ben gekomen"
            if lemma == "worden" and plemma == "worden":
                continue
            if lemma == "zijn" and part.word.lower() in rules().adjectival_participles:
                continue  # "zijn verschuldigd": an adjective, not a passive
            pairs.append((aux, part))
    return pairs


def find_passive(ctx: Context) -> list[Finding]:
    """Passive voice: a form of "worden" or "zijn" with a past participle (not the perfect)."""
    out = []
    for s in ctx.sentences:
        for aux, part in _passive_pairs(s):
            start, end = _span([aux, part])
            out.append(
                Finding(
                    code="passive",
                    severity="hint",
                    message=f"\u201c{aux.word} \u2026 {part.word}\u201d is lijdende vorm: "
                    "er staat niet wie iets doet.",
                    suggestion="Zeg wie het doet: \u201cWij sturen u\u201d in plaats van "
                    "\u201cU wordt gestuurd\u201d.",
                    sentence_index=s.index,
                    start=start,
                    end=end,
                )
            )
    return out


_RELATIVE_ADVERBS = frozenset(
    [
        "waarna",
        "waardoor",
        "waarbij",
        "waarin",
        "waarop",
        "waarvoor",
        "waarmee",
        "waaruit",
        "waarover",
        "waaraan",
        "waarvan",
        "waartoe",
        "waarnaar",
    ]
)


def _after_comparative(s: Sentence, i: int) -> bool:
    """The conjunction follows a comparative ("hoger dan") or "zo/even/net ... als"."""
    window = s.tokens[max(0, i - 4) : i]
    if any(t.pos == "ADJ" and "comp" in t.feats for t in window):
        return True
    if any(t.word.lower() in ("meer", "minder", "eerder", "later", "anders") for t in window):
        return True
    return s.tokens[i].word.lower() == "als" and any(
        t.word.lower() in ("zo", "even", "net", "evenveel") for t in window
    )


def subordinate_clause_markers(s: Sentence) -> list[Token]:
    """Tokens that open a subordinate clause: a subordinating conjunction or a relative
    pronoun, followed by a finite verb later in the sentence."""
    markers = []
    for i, t in enumerate(s.tokens):
        low = t.word.lower()
        opens = (t.pos == "VG" and "onder" in t.feats) or (t.pos == "VNW" and "betr" in t.feats)
        if not opens and t.deprel in ("rhd", "whd") and t.pos == "VNW":
            opens = True
        if low in _RELATIVE_ADVERBS and i > 0:
            opens = True  # "waarna", "waardoor", "waarbij" open a clause
        if low in ("dan", "als") and t.pos == "VG" and i > 0 and _after_comparative(s, i):
            opens = False  # "hoger dan", "zo snel als": a comparison, not a clause
        if opens and any(x.is_finite_verb for x in s.tokens[i + 1 :]):
            markers.append(t)
    return markers


def find_subordinate_clauses(ctx: Context) -> list[Finding]:
    """More than one subordinate clause in a sentence."""
    out = []
    for s in ctx.sentences:
        markers = subordinate_clause_markers(s)
        if len(markers) > 1:
            out.append(
                Finding(
                    code="subordinate_clauses",
                    severity="warning",
                    message=f"Deze zin heeft {len(markers)} bijzinnen "
                    f"({', '.join(m.word for m in markers)}). Dat maakt hem moeilijk.",
                    suggestion="Zet elke bijzin in een eigen korte zin.",
                    sentence_index=s.index,
                    start=s.start,
                    end=s.end,
                )
            )
    return out


_NEGATION_BEFORE = re.compile(
    r"\b(?:geen|niet|zonder|nooit)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)
_SHOUTED_RUN = re.compile(r"\b[A-ZÀ-Ý]{2,}(?:[\s-]+[A-ZÀ-Ý]{2,}){1,30}\b")
_AMOUNT = re.compile(r"€|\d")
#: "de boete van € 95": the claim itself, named with its amount, is the subject of the
#: letter, not a threat.
_AMOUNT_AFTER = re.compile(r"^\s+van\s+(?:€|eur\b|\d)", re.IGNORECASE)


def _without_shouting(text: str) -> str:
    """`text` with runs of words in capitals blanked: "LAATSTE KANS OM KOSTEN TE VOORKOMEN"
    is pressure, not a way out."""
    return _SHOUTED_RUN.sub(lambda m: " " * len(m.group(0)), text)


def _help_offered(text: str) -> bool:
    """Help is offered somewhere, and not denied ("wij kunnen u niet meer helpen")."""
    for m in rules().help.finditer(text):
        if not _NEGATION_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            return True
    return False


def find_threats(ctx: Context) -> list[Finding]:
    """A sanction with no way to prevent it nearby and no help offered in the letter.

    A sanction that is denied ("geen extra kosten", "dan leggen wij geen beslag") is no
    threat; lines of an amount table ("Incassokosten € 40,00") are not sentences; words in
    capitals are pressure, not a way out; help must not be denied.
    """
    r = rules()
    if _help_offered(_without_shouting(ctx.text)):
        return []
    out = []
    sentences = ctx.sentences
    for s in sentences:
        if not s.scored and _AMOUNT.search(s.text):
            continue  # a line of an amount table or an address block
        match = None
        for m in r.sanctions.finditer(s.text):
            if _NEGATION_BEFORE.search(s.text[max(0, m.start() - 40) : m.start()]):
                continue
            if _AMOUNT_AFTER.match(s.text[m.end() : m.end() + 12]):
                continue
            match = m
            break
        if match is None:
            continue
        around = " ".join(x.text for x in sentences[max(0, s.index - 2) : s.index + 3])
        if r.way_out.search(_without_shouting(around)):
            continue
        start = s.start + match.start()
        out.append(
            Finding(
                code="threat_without_way_out",
                severity="problem",
                message=f"Hier staat een sanctie (\u201c{match.group(0)}\u201d) zonder dat er "
                "staat hoe iemand die kan voorkomen. Angst zonder uitweg werkt niet: mensen "
                "raken in paniek of leggen de brief weg.",
                suggestion="Zeg direct erbij wat iemand kan doen om dit te voorkomen, en bied "
                "hulp aan: \u201cLukt betalen niet? Bel ons, dan maken we samen een "
                "betalingsregeling. Dan komen er geen extra kosten.\u201d",
                sentence_index=s.index,
                start=start,
                end=start + len(match.group(0)),
            )
        )
    return out


def find_negative_framing(ctx: Context) -> list[Finding]:
    """The wanted behaviour said as what not to do ("vergeet niet" -> "denk aan")."""
    out = []
    taken: list[tuple[int, int]] = []
    for pattern, suggestion in rules().negative_framing:
        for m in pattern.finditer(ctx.text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            out.append(
                Finding(
                    code="negative_framing",
                    severity="warning",
                    message=f"\u201c{m.group(0)}\u201d zegt wat iemand niet moet doen. "
                    "Zeg liever wat wel de bedoeling is.",
                    suggestion=suggestion,
                    sentence_index=ctx.sentence_at(start),
                    start=start,
                    end=end,
                )
            )
    return sorted(out, key=lambda f: f.start or 0)


#: The letter's own date ("Zandstad, 3 maart 2026", "Datum: 3 maart 2026") is no deadline.
_DATE_LINE = re.compile(
    r"^\s*(?:(?:datum|date)\s*:?\s*|[A-Z][\w'’ -]{1,40},\s*)?(?:\w{2,9}dag\s+)?"
    r"\d{1,2}[-/. ](?:\d{1,2}|[a-z]{3,9})[-/. ]\d{2,4}\s*$",
    re.IGNORECASE,
)


def find_missing_deadline(ctx: Context) -> list[Finding]:
    """The letter asks the reader to do something but gives no date."""
    r = rules()
    request = None
    for s in ctx.sentences:
        if r.action_request.search(s.text):
            request = s
            break
    if request is None or any(
        r.deadline.search(line) for line in ctx.text.split("\n") if not _DATE_LINE.match(line)
    ):
        return []
    return [
        Finding(
            code="missing_deadline",
            severity="warning",
            message="De brief vraagt iets, maar zegt niet wanneer het klaar moet zijn.",
            suggestion="Noem een duidelijke datum: \u201cDoe dit vóór vrijdag 14 maart.\u201d",
            sentence_index=request.index,
            start=request.start,
            end=request.end,
        )
    ]


#: A run that may be a phone number: digits with spaces, hyphens, dots and brackets, starting
#: at a number or "+"/"(" that does not continue a word. Checked by `_is_phone`.
_PHONE_RUN = re.compile(r"(?<![\w+(])(?:\+|\()?\d[\d \t().\-]{4,22}\d")
#: The municipal number 14 + area code ("14 030", "14 0580").
_PHONE_14 = re.compile(r"(?<![\w+])14[ \t-]?0\d{2,3}(?![\d])")
#: An IBAN ("NL91 ABNA 0417 1643 00") just before a run of digits: not a phone number.
_IBAN_BEFORE = re.compile(r"[A-Z]{2}\d{2}\s?[A-Z]{4}[\s\d]{0,12}$")
#: Only at the start of a run of address characters and with bounded parts, so the search
#: stays linear in the length of the text (an unanchored ``[\w.+-]+@`` backtracks
#: quadratically over a long run of letters).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_WEB = re.compile(r"(?<![\w@./-])(?:https?://|www\.)[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", re.I)


def _is_phone(text: str, match: re.Match[str]) -> bool:
    """A Dutch phone number: 10 digits from 0 (also +31 / 0031 / "+31 (0)"), or a free or
    paid service number 0800/0900/0906/0909 with 4 to 7 digits. Never an IBAN."""
    if _IBAN_BEFORE.search(text[max(0, match.start() - 24) : match.start()]):
        return False
    raw = match.group(0)
    digits = "".join(c for c in raw if c.isdigit())
    if raw.startswith("+") or digits.startswith("0031"):
        digits = digits[4:] if digits.startswith("0031") else digits[2:]
        if digits.startswith("31"):
            digits = digits[2:]
        digits = "0" + digits.removeprefix("0")
    if digits[:4] in ("0800", "0900", "0906", "0909"):
        return 8 <= len(digits) <= 11
    return len(digits) == 10 and digits.startswith("0") and not digits.startswith("00")


def has_contact(text: str) -> bool:
    """A phone number, an e-mail address or a web address in the text."""
    if _EMAIL.search(text) or _WEB.search(text) or _PHONE_14.search(text):
        return True
    return any(_is_phone(text, m) for m in _PHONE_RUN.finditer(text))


def find_missing_contact(ctx: Context) -> list[Finding]:
    """No phone number or e-mail address to reach a person."""
    if has_contact(ctx.text):
        return []
    return [
        Finding(
            code="missing_contact",
            severity="problem",
            message="Er staat geen telefoonnummer, e-mailadres of website in de brief. "
            "Wie vragen heeft, weet niet wie hij kan bellen.",
            suggestion="Zet er een telefoonnummer en e-mailadres in, met een naam: "
            "\u201cHeeft u vragen? Bel mij: Sara de Vries, 030 123 45 67.\u201d",
        )
    ]


_NAME_WORD = re.compile(r"[\w.'’-]+")
_WHOLE_WORD = re.compile(r"(?<![\w'’-])\w+(?![\w'’-])")
_CAPITALS = re.compile(r"\b[A-ZÀ-Ý]{2,}(?:[\s-]+[A-ZÀ-Ý]{2,})*\b")
_CAPITAL_WORD = re.compile(r"[A-ZÀ-Ý]+")
_EXCLAMATION = re.compile(r"!+")
_MET_VRIENDELIJKE_GROET = re.compile(r"^\s*met\s+vriendelijke\s+groet", re.IGNORECASE)

_TUSSENVOEGSELS = {
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
    "in",
    "op",
    "la",
    "le",
    "el",
    "al",
    "ben",
    "bin",
    "da",
    "di",
    "du",
    "dos",
    "del",
    "op de",
}


def _looks_like_name(line: str, departments: frozenset[str]) -> bool:
    line = line.split(",", 1)[0]  # "Anouk Kok, leerkracht groep 5": the name before the role
    words = _NAME_WORD.findall(line)
    if not 1 < len(words) <= 5 and not (len(words) == 1 and len(words[0]) > 2):
        return False
    if len(words) == 1:
        return False
    lowered = [w.lower().strip(".") for w in words]
    if any(
        w in departments or any(len(d) >= 5 and w.endswith(d) for d in departments) for w in lowered
    ):
        return False
    if any(any(c.isdigit() for c in w) for w in words):
        return False
    if not words[0][0].isupper() or len(words[0].strip(".")) > 10:
        return False  # given names are short; "Zorgverzekeraar Gezond Samen" is not a person
    if not words[-1][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _TUSSENVOEGSELS for w in words)


def signature_lines(text: str) -> list[str]:
    """The lines after the closing ("Met vriendelijke groet,"), or the last lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    closing = rules().closings
    for i in range(len(lines) - 1, -1, -1):
        if closing.match(lines[i]):
            return lines[i + 1 : i + 6]
        if _MET_VRIENDELIJKE_GROET.match(lines[i]):
            return lines[i + 1 : i + 6]
    return []


def find_missing_sender_name(ctx: Context) -> list[Finding]:
    """Signed by a department only, with no person's name."""
    sig = signature_lines(ctx.text)
    departments = rules().department_words
    if sig and any(_looks_like_name(line, departments) for line in sig):
        return []
    start = end = None
    if sig:
        start = ctx.text.rfind(sig[0])
        end = start + len(sig[0]) if start >= 0 else None
        start = start if start >= 0 else None
    return [
        Finding(
            code="missing_sender_name",
            severity="warning",
            message="De brief is niet ondertekend door een persoon. Een naam maakt de brief "
            "persoonlijk en laat zien wie iemand kan bellen.",
            suggestion="Onderteken met een naam en functie: \u201cSara de Vries, "
            "consulent schulden\u201d.",
            sentence_index=ctx.sentence_at(start) if start is not None else None,
            start=start,
            end=end,
        )
    ]


_FORMAL = {"u", "uw", "uzelf"}
_INFORMAL = {"je", "jij", "jou", "jouw", "jezelf"}


def find_inconsistent_address(ctx: Context) -> list[Finding]:
    """The reader is addressed with both "u" and "je/jij"."""
    formal: list[re.Match[str]] = []
    informal: list[re.Match[str]] = []
    for m in _WHOLE_WORD.finditer(ctx.text):
        w = m.group(0).lower()
        if w in _FORMAL:
            formal.append(m)
        elif w in _INFORMAL:
            informal.append(m)
    if not formal or not informal:
        return []
    minority, majority = (informal, "u") if len(informal) <= len(formal) else (formal, "je")
    first = minority[0]
    return [
        Finding(
            code="inconsistent_address",
            severity="warning",
            message=f"De brief zegt soms \u201cu\u201d en soms \u201cje\u201d. Hier staat "
            f"\u201c{first.group(0)}\u201d.",
            suggestion=f"Kies één aanspreekvorm en houd die vast; de brief gebruikt meestal "
            f"\u201c{majority}\u201d.",
            sentence_index=ctx.sentence_at(first.start()),
            start=first.start(),
            end=first.end(),
        )
    ]


def find_shouting(ctx: Context) -> list[Finding]:
    """Words in capitals and exclamation marks."""
    acronyms = rules().acronyms
    out: list[Finding] = []
    for m in _CAPITALS.finditer(ctx.text):
        words = _CAPITAL_WORD.findall(m.group(0))
        shouting = [w for w in words if w not in acronyms]
        if not shouting:
            continue
        if len(words) == 1 and len(words[0]) < 4:
            continue
        near = ctx.text[max(0, m.start() - 6) : m.end() + 6]
        if any(c.isdigit() for c in near):  # an IBAN or a licence plate
            continue
        out.append(
            Finding(
                code="shouting",
                severity="warning",
                message=f"\u201c{m.group(0)}\u201d staat in hoofdletters. Dat leest als "
                "schreeuwen en is moeilijker te lezen.",
                suggestion="Schrijf gewone letters. Wilt u iets laten opvallen? Zet het "
                "bovenaan of maak het vet.",
                sentence_index=ctx.sentence_at(m.start()),
                start=m.start(),
                end=m.end(),
            )
        )
    for m in _EXCLAMATION.finditer(ctx.text):
        out.append(
            Finding(
                code="shouting",
                severity="warning" if len(m.group(0)) > 1 else "hint",
                message="Een uitroepteken kan klinken als boosheid of dwang.",
                suggestion="Gebruik een punt.",
                sentence_index=ctx.sentence_at(m.start()),
                start=m.start(),
                end=m.end(),
            )
        )
    return sorted(out, key=lambda f: f.start or 0)


def find_all(analyzed: AnalyzedText) -> list[Finding]:
    """Run every rule; letter-level findings first, then by position in the text."""
    ctx = Context(analyzed)
    official = find_officialese(ctx)
    covered = [(f.start, f.end) for f in official if f.start is not None and f.end is not None]
    findings = [
        *find_threats(ctx),
        *find_missing_deadline(ctx),
        *find_missing_contact(ctx),
        *find_missing_sender_name(ctx),
        *find_negative_framing(ctx),
        *find_shouting(ctx),
        *find_inconsistent_address(ctx),
        *find_long_sentences(ctx),
        *find_subordinate_clauses(ctx),
        *find_passive(ctx),
        *official,
        *find_difficult_words(ctx, covered),
    ]
    return sorted(
        findings,
        key=lambda f: (f.start is not None, f.start or 0, CODES.index(f.code)),
    )
