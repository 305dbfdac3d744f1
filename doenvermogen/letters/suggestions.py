"""Concrete rewrite suggestions per hard sentence (LiNT-II level 3 or 4), for the editor.

Lives here: `sentence_advice(report, analyzed)`: for each scored sentence at level 3–4 what to do
with THAT sentence, made from the engine's per-sentence data (tokens with tags and the parse) and
its findings: where to split a long sentence, the active form of a passive with the doer when the
sentence names one, the plain word from the lists for a difficult word, words that belong
together but stand far apart, and nominalisations ("de betaling" → "betalen").
Not here: the scores and findings themselves (`analysis/`, used through its public data only).
No Django: plain functions over `LetterReport` and `AnalyzedText`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from doenvermogen.letters.analysis import LetterReport
from doenvermogen.letters.analysis.model import AnalyzedText, Sentence, Token

HARD_LEVEL = 3
LONG_WORDS = 15
#: A split needs at least this many words on both sides.
MIN_PART = 4
#: Words between two words that belong together before we mention it.
FAR_APART = 5
MAX_SUGGESTIONS = 5
VERB_ZIPF = 3.0

COORDINATORS = {"en", "maar", "want", "dus"}
SUBORDINATORS = {
    "omdat",
    "doordat",
    "zodat",
    "nadat",
    "voordat",
    "terwijl",
    "als",
    "indien",
    "wanneer",
    "waardoor",
    "waarna",
    "waarbij",
    "waarin",
    "waarmee",
    "waarvoor",
    "tenzij",
    "hoewel",
    "zodra",
}
RELATIVES = {"die", "dat", "wat"}
#: Nouns on -ing that are things, not actions written as a noun.
NOT_NOMINALISATIONS = {
    "woning",
    "rekening",
    "vergadering",
    "opleiding",
    "kleding",
    "leerling",
    "mening",
    "richting",
    "omgeving",
    "regering",
    "verzekering",
    "verwarming",
    "informatie",
    "situatie",
    "organisatie",
    "ervaring",
    "afdeling",
    "stichting",
    "bijlage",
    "tekening",
    "verpleging",
    "uitkering",
    "vereniging",
    "gemeente",
    "ring",
    "ding",
    "koning",
    "honing",
}
_ALTERNATIVE = re.compile("Schrijf \u201c(?P<alt>[^\u201d]+)\u201d")


@dataclass
class SentenceAdvice:
    """The suggestions for one hard sentence."""

    index: int
    start: int
    end: int
    level: int
    words: int
    quote: str
    suggestions: list[str] = field(default_factory=list)
    #: Where the suggested split is (a character offset in the letter), when there is one.
    split_at: int | None = None


def _q(text: str) -> str:
    return f"\u201e{text}\u201d"


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + " \u2026"


def _tail(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return "\u2026 " + text[-(limit - 1) :].split(" ", 1)[-1]


def _words(sentence: Sentence) -> list[Token]:
    return [t for t in sentence.tokens if not t.is_punct and t.start >= 0]


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


# --- Rules ---------------------------------------------------------------------------------------


def split_point(sentence: Sentence, text: str) -> tuple[Token, str] | None:
    """The best place to cut a long sentence in two: a conjunction or a relative pronoun (or a
    comma) near the middle with at least MIN_PART words on each side; `(token, kind)`."""
    words = _words(sentence)
    if len(words) < 2 * MIN_PART:
        return None
    middle = len(words) / 2
    # "Nadat wij …, nemen wij …": the comma closes a fronted clause; a cut there leaves no sentence.
    fronted = words[0].lower in SUBORDINATORS
    best: tuple[float, Token, str] | None = None
    for i, t in enumerate(words):
        if i < MIN_PART or len(words) - i < MIN_PART:
            continue
        low = t.lower
        kind = ""
        in_name = 0 < i < len(words) - 1 and (
            words[i - 1].word[:1].isupper() and words[i + 1].word[:1].isupper()
        )  # "Werk en Inkomen"
        if low in COORDINATORS and not in_name and (t.pos in ("VG", "") or low in COORDINATORS):
            kind = "coordinator"
        elif low in SUBORDINATORS and t.pos in ("VG", "VNW", "BW", ""):
            kind = "subordinator"
        elif low in RELATIVES and (t.pos == "VNW" and "betr" in t.feats):
            kind = "relative"
        elif (
            not fronted
            and not t.is_finite_verb  # ", vraagt u …": the comma closes a fronted clause
            and text[words[i - 1].end : t.start].strip() == ","
        ):
            kind = "comma"
        if not kind:
            continue
        # Prefer conjunctions over a bare comma; then the place nearest the middle.
        cost = abs(i - middle) + (3 if kind == "comma" else 0)
        if best is None or cost < best[0]:
            best = (cost, t, kind)
    return (best[1], best[2]) if best else None


def split_advice(sentence: Sentence, words: int, text: str) -> tuple[str, int] | None:
    if words <= LONG_WORDS:
        return None
    found = split_point(sentence, text)
    if found is None:
        return (
            f"Deze zin heeft {words} woorden. Maak er twee of drie zinnen van, "
            "met één boodschap per zin.",
            -1,
        )
    token, kind = found
    before = _tail(text[sentence.start : token.start].rstrip(" ,"))
    after = _short(text[token.start : sentence.end], 60)
    head = f"Deze zin heeft {words} woorden: maak er twee zinnen van."
    if kind == "coordinator" and token.lower == "en":
        how = f"Zet een punt vóór {_q('en')} en laat {_q('en')} weg."
    elif kind == "coordinator" and token.lower == "want":
        how = f"Zet een punt vóór {_q('want')} en schrijf in de nieuwe zin {_q('namelijk')}."
    elif kind == "coordinator":
        how = f"Zet een punt vóór {_q(token.word)}."
    elif kind == "comma":
        how = "Zet een punt waar nu de komma staat."
    else:
        how = (
            f"Zet een punt vóór {_q(token.word)} en maak van het stuk vanaf "
            f"{_q(token.word)} een eigen zin."
        )
    parts = f"De eerste zin eindigt dan met {_q(before + '.')}, de nieuwe begint bij {_q(after)}"
    return f"{head} {how} {parts}", token.start


SUBJECT_FORM = {"ons": "wij", "hen": "zij", "hem": "hij", "haar": "zij", "mij": "ik", "jou": "jij"}


def _agent(sentence: Sentence, near: int) -> str:
    """The doer named with "door" in the sentence of a passive ("door de gemeente"; before the
    verbs in a subordinate clause: "… door ons is ontvangen"), the one nearest to it; or ''."""
    tokens = sentence.tokens
    doors = sorted(
        (i for i, t in enumerate(tokens) if t.lower == "door"),
        key=lambda i: abs(tokens[i].start - near),
    )
    for i in doors:
        phrase: list[str] = []
        noun = False
        for nxt in tokens[i + 1 : i + 9]:
            if noun:
                # A name goes on after its noun: "de afdeling Werk en Inkomen".
                if nxt.word[:1].isupper() or (
                    nxt.lower == "en" and phrase and phrase[-1][:1].isupper()
                ):
                    phrase.append(nxt.word)
                    continue
                break
            if nxt.is_punct or nxt.pos in ("WW", "VG", "VZ"):
                break
            phrase.append(nxt.word)
            if nxt.pos == "VNW" and len(phrase) == 1:
                break
            noun = nxt.pos in ("N", "SPEC")
        if phrase and phrase[-1].lower() == "en":
            phrase.pop()
        if phrase:
            return " ".join(phrase)
    return ""


PARTICLES = (
    "stop", "aan", "af", "in", "op", "uit", "door", "mee", "terug", "toe", "weg", "over",
    "na", "vast", "bij", "voor", "om", "vrij", "kwijt", "tegen",
)  # fmt: skip


def active_we(lemma: str, participle: str) -> str:
    """ "wij" + the verb in the present: the plural is the infinitive ("Wij sturen"); a
    separable verb splits ("stopzetten", "stopgezet" → "Wij zetten … stop")."""
    low = participle.lower()
    for particle in PARTICLES:
        if lemma.startswith(particle) and low.startswith(particle + "ge"):
            return f"Wij {lemma[len(particle) :]} \u2026 {particle}"
    return f"Wij {lemma} \u2026"


def _passive_quote(sentence: Sentence, span: str, participle) -> str:
    """The words to quote for a passive: the finding's span when it is short, else the form of
    "worden"/"zijn" nearest before the participle and the participle ("is ontvangen"), so a long
    span such as "is gebleken dat … is ontvangen" does not quote the wrong verb group."""
    if participle is None or len(span.split()) <= 4:
        return span
    before = [t for t in sentence.tokens if t.end <= participle.start]
    aux = next((t for t in reversed(before) if t.lemma in ("worden", "zijn")), None)
    return f"{aux.word} {participle.word}" if aux is not None else participle.word


def passive_advice(sentence: Sentence, report: LetterReport) -> list[str]:
    out = []
    for f in report.findings:
        if f.code != "passive" or f.sentence_index != sentence.index or f.start is None:
            continue
        participle = next(
            (t for t in sentence.tokens if t.start >= f.start and t.end == f.end), None
        )
        verb = participle.lemma if participle and participle.lemma else ""
        quote = _passive_quote(sentence, report.text[f.start : f.end], participle)
        agent = _agent(sentence, f.start)
        if agent:
            verb_part = f" met het werkwoord {_q(verb)}" if verb else ""
            subject = SUBJECT_FORM.get(agent.lower(), agent)
            doer = subject[:1].upper() + subject[1:]
            out.append(
                f"{_q(_short(quote, 40))} is lijdende vorm, en de zin zegt wie het doet: "
                f"{_q(agent)}. Begin de zin daarmee{verb_part}: {_q(doer)} + werkwoord, "
                f"en laat {_q('door ' + agent)} weg."
            )
        elif verb:
            out.append(
                f"{_q(_short(quote, 40))} is lijdende vorm: er staat niet wie het doet. "
                f"Schrijft u namens uw organisatie? Schrijf dan actief: "
                f"{_q(active_we(verb, participle.word if participle else ''))}"
            )
        else:
            out.append(f"{_q(_short(quote, 40))} is lijdende vorm: zeg wie het doet.")
    return out


def word_advice(sentence: Sentence, report: LetterReport) -> list[str]:
    out = []
    seen = set()
    for f in report.findings:
        if f.code not in ("difficult_word", "officialese") or f.sentence_index != sentence.index:
            continue
        if f.start is None or f.end is None:
            continue
        word = report.text[f.start : f.end]
        if word.lower() in seen:
            continue
        seen.add(word.lower())
        m = _ALTERNATIVE.search(f.suggestion or "")
        if m:
            out.append(f"Vervang {_q(word)} door {_q(m.group('alt'))}.")
        elif "weg" in (f.suggestion or ""):
            out.append(f"Laat {_q(word)} weg.")
        else:
            out.append(f"Leg {_q(word)} uit, of kies een woord dat meer mensen kennen.")
    return out


def distance_advice(sentence: Sentence) -> str | None:
    """The two words that belong together (head and dependent in the parse) with the most
    words between them, when that is more than FAR_APART; one of them a verb."""
    words = _words(sentence)
    position = {t.index: n for n, t in enumerate(words)}
    best: tuple[int, Token, Token] | None = None
    for t in words:
        if t.head <= 0 or t.head not in position or t.pos in ("VG", "LID", "VZ"):
            continue
        head = sentence.token(t.head)
        if head is None or head.pos in ("VG", "LID", "VZ"):
            continue
        # Verb parts (a "tangconstructie": "moeten … terugvragen") or a verb and its subject,
        # object or particle.
        if head.pos != "WW" or not (t.pos == "WW" or t.deprel in ("su", "obj1", "svp")):
            continue
        between = abs(position[t.index] - position[t.head]) - 1
        if between > FAR_APART and (best is None or between > best[0]):
            best = (between, t, head)
    if best is None:
        return None
    between, a, b = best
    first, second = sorted((a, b), key=lambda t: t.start)
    return (
        f"{_q(first.word)} en {_q(second.word)} horen bij elkaar, maar er staan {between} "
        "woorden tussen. Zet ze dichter bij elkaar, of maak van het stuk ertussen een eigen zin."
    )


def verb_for(noun: str) -> str | None:
    """The verb behind a nominalisation ("betaling" → "betalen", "registratie" →
    "registreren"), only when that verb is a common Dutch word."""
    low = noun.lower()
    if low in NOT_NOMINALISATIONS or len(low) < 7:
        return None
    if low.endswith("ing"):
        verb = low[:-3] + "en"
    elif low.endswith("atie"):
        verb = low[:-4] + "eren"
    else:
        return None
    return verb if _zipf(verb) >= VERB_ZIPF else None


COMPLEMENT = {"van", "op", "over", "door", "tot"}


def nominalisation_advice(sentence: Sentence) -> list[str]:
    """An action written as a noun with its object or subject after it ("de vaststelling van
    de subsidie"): the verb reads easier. A noun on its own ("de keuring") is left alone."""
    out = []
    seen = set()
    tokens = sentence.tokens
    for n, t in enumerate(tokens):
        if t.pos != "N" or t.is_proper_noun:
            continue
        if n + 1 >= len(tokens) or tokens[n + 1].lower not in COMPLEMENT:
            continue
        base = (t.lemma or t.word).lower()
        verb = verb_for(base)
        if verb and base not in seen:
            seen.add(base)
            out.append(
                f"{_q(t.word)} is een werkwoord dat een zelfstandig naamwoord is geworden. "
                f"Schrijf het werkwoord: {_q(verb)}."
            )
    return out


RARE_ZIPF = 3.0


def rare_word_advice(sentence: Sentence, said: str) -> list[str]:
    """The rarest content word of the sentence (LiNT-II counts word frequency), when it is rare
    and no other suggestion names it yet."""
    rare = [
        (_zipf(t.lower), t.word)
        for t in sentence.tokens
        if t.pos in ("N", "ADJ", "WW", "BW")
        and not t.is_proper_noun
        and not t.is_number
        and t.word.isalpha()
        and len(t.word) > 3
        and _q(t.word) not in said
    ]
    rare = [r for r in rare if r[0] < RARE_ZIPF]
    if not rare:
        return []
    word = min(rare)[1]
    return [
        f"{_q(word)} is een woord dat weinig voorkomt: dat maakt de zin moeilijker. "
        "Kies een woord dat meer mensen kennen, of leg het uit."
    ]


# --- Per letter ----------------------------------------------------------------------------------


def sentence_advice(report: LetterReport, analyzed: AnalyzedText | None) -> list[SentenceAdvice]:
    """Suggestions for every scored sentence at LiNT-II level 3 or 4, in text order."""
    if analyzed is None:
        return []
    by_index = {s.index: s for s in analyzed.sentences}
    out = []
    for sr in report.readability.sentences:
        if not sr.scored or (sr.lint_level or 0) < HARD_LEVEL:
            continue
        sentence = by_index.get(sr.index)
        if sentence is None:
            continue
        advice = SentenceAdvice(
            index=sr.index,
            start=sr.start,
            end=sr.end,
            level=sr.lint_level or 0,
            words=sr.words,
            quote=_short(report.text[sr.start : sr.end], 90),
        )
        split = split_advice(sentence, sr.words, report.text)
        if split:
            advice.suggestions.append(split[0])
            advice.split_at = split[1] if split[1] >= 0 else None
        advice.suggestions.extend(passive_advice(sentence, report))
        far = distance_advice(sentence)
        if far:
            advice.suggestions.append(far)
        advice.suggestions.extend(word_advice(sentence, report))
        advice.suggestions.extend(nominalisation_advice(sentence))
        advice.suggestions.extend(rare_word_advice(sentence, " ".join(advice.suggestions)))
        if not advice.suggestions:
            advice.suggestions.append(
                "Deze zin is moeilijk door veel informatie of zeldzame woorden. Zet er één "
                "boodschap in en kies woorden die iedereen kent."
            )
        advice.suggestions = advice.suggestions[:MAX_SUGGESTIONS]
        out.append(advice)
    return out
