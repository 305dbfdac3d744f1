"""Frog's known mis-tags and mis-attachments, repaired by general rules (issue 11: "Handle
Frog's known mis-tags so no ordinary sentence silently drops out").

Each rule is checked on ordinary sentences that are not in LiNT-II's judges' letters, with
Frog's real output frozen in fixtures/frog/frogfix_*.frog.tsv (texts in fixture_texts.py):
first that Frog really makes the mistake there, then that it is repaired, and that look-alike
sentences where Frog is right are left alone.
"""

from __future__ import annotations

import pytest

from doenvermogen.letters.analysis.analyzers import (
    _infinitives,
    analyze_text,
    frog_pieces,
    repair_mistags,
)
from doenvermogen.letters.analysis.model import Sentence, Token
from doenvermogen.letters.analysis.readability import (
    dependency_lengths,
    sentence_readability,
    ud_heads,
)
from tests.letters.fixture_texts import TEXTS


def _sentences(frozen, name: str) -> dict[str, Sentence]:  # type: ignore[no-untyped-def]
    return {s.text: s for s in analyze_text(TEXTS[name], frozen).sentences}


def _raw_frog(frozen, name: str) -> list[list[Token]]:  # type: ignore[no-untyped-def]
    """Frog's own output for a text, before any repair."""
    return frozen.analyze_segments([p.text for p in frog_pieces(TEXTS[name])])


def _token(sentence: Sentence, word: str) -> Token:
    return next(t for t in sentence.tokens if t.word == word)


# ---------------------------------------------------------------- te + infinitive


@pytest.mark.parametrize(
    ("text", "verb", "infinitive", "length"),
    [
        ("Wij vragen u de rekening voor 1 juli 2026 te betalen.", "vragen", "betalen", 8),
        (
            "Wij verzoeken u het bedrag uiterlijk op 30 juni 2026 over te maken.",
            "verzoeken",
            "maken",
            10,
        ),
        ("Ik vraag je de sleutels op 2 januari 2027 terug te geven.", "vraag", "geven", 9),
        (
            "Wij verzoeken u het formulier uiterlijk op 15 maart 2026 in te vullen.",
            "verzoeken",
            "vullen",
            10,
        ),
    ],
)
def test_te_infinitive_inside_a_date_hangs_from_its_verb(
    frozen,
    text: str,
    verb: str,
    infinitive: str,
    length: int,  # type: ignore[no-untyped-def]
) -> None:
    """Frog hangs the te-infinitive that closes the sentence from the date ("2026", "juni");
    UD (spaCy) has it as the complement of the verb that asks, far to the left."""
    sentence = _sentences(frozen, "frogfix_te_infinitive")[text]
    inf = _token(sentence, infinitive)
    te = sentence.tokens[inf.index - 2]
    frog_attachment = sentence.token(te.head if inf.head == te.index else inf.head)
    assert frog_attachment is not None and frog_attachment.pos != "WW"  # Frog's mistake
    heads = ud_heads(sentence)
    assert heads[inf.index][0] == _token(sentence, verb).index
    assert heads[te.index] == (inf.index, "mark")
    assert dependency_lengths(sentence)[inf.index] == length
    assert sentence_readability(sentence).max_sdl == length


@pytest.mark.parametrize(
    ("text", "infinitive", "head"),
    [
        ("Hij heeft de plicht de huur te betalen.", "betalen", None),  # the root
        ("De school vraagt u het strookje op 3 oktober mee te geven.", "geven", "vraagt"),
    ],
)
def test_te_infinitive_already_under_a_verb_is_left_alone(
    frozen,
    text: str,
    infinitive: str,
    head: str | None,  # type: ignore[no-untyped-def]
) -> None:
    sentence = _sentences(frozen, "frogfix_te_infinitive")[text]
    heads = ud_heads(sentence)
    expected = _token(sentence, head).index if head else 0
    assert heads[_token(sentence, infinitive).index][0] == expected


# ---------------------------------------------------------------- participle read as a noun


def test_participle_read_as_a_plural_noun_is_the_participle(frozen) -> None:  # type: ignore[no-untyped-def]
    """Frog reads "ontvangen" after "hebben" as a plural noun, or as an infinitive (which
    Dutch "hebben" does not take, so the hebben + noun rule reads it as a noun): never as
    the participle it is."""
    raw = [t for s in _raw_frog(frozen, "frogfix_participle") for t in s]
    assert [t.is_participle for t in raw if t.word == "ontvangen"] == [False, False]
    sentences = _sentences(frozen, "frogfix_participle")
    for text in (
        "Uw betaling hebben wij nog niet ontvangen.",
        "Uw aanvraag hebben wij in goede orde ontvangen.",
    ):
        sentence = sentences[text]
        participle = _token(sentence, "ontvangen")
        assert participle.is_participle
        assert participle.head == _token(sentence, "hebben").index
        assert participle.deprel == "vc"
        heads = ud_heads(sentence)
        assert heads[participle.index][0] == 0  # the main verb heads its auxiliary
        assert "ontvangen" not in sentence_readability(sentence).nouns.get("unknown", [])


def test_a_real_plural_noun_after_hebben_stays_a_noun(frozen) -> None:  # type: ignore[no-untyped-def]
    sentences = _sentences(frozen, "frogfix_participle")
    noun = _token(sentences["Op dinsdag hebben wij vergaderingen."], "vergaderingen")
    assert noun.pos == "N"  # in the noun list: not a participle
    assert _token(sentences["De stukken zijn gisteren verzonden."], "verzonden").is_participle


def test_participle_rule_needs_an_auxiliary_without_complement() -> None:
    def sentence(rows: list[tuple[str, str, str, int, str]]) -> Sentence:
        tokens = [
            Token(index=i, word=w, lemma=lemma, tag=tag, head=h, deprel=r)
            for i, (w, lemma, tag, h, r) in enumerate(rows, start=1)
        ]
        return Sentence(index=0, tokens=tokens)

    # "Wij kennen de ontvangen" (an article in front): a noun, left alone.
    s = sentence(
        [
            ("Wij", "wij", "VNW(pers,pron,nomin,vol,1,mv)", 2, "su"),
            ("hebben", "hebben", "WW(pv,tgw,mv)", 0, "ROOT"),
            ("de", "de", "LID(bep,stan,rest)", 4, "det"),
            ("ontvangen", "ontvangen", "N(soort,mv,basis)", 2, "obj1"),
            (".", ".", "LET()", 4, "punct"),
        ]
    )
    assert repair_mistags(s).tokens[3].pos == "N"
    # "Wij gaan bevindingen ..." style: no hebben/zijn/worden, left alone.
    s = sentence(
        [
            ("Wij", "wij", "VNW(pers,pron,nomin,vol,1,mv)", 2, "su"),
            ("zoeken", "zoeken", "WW(pv,tgw,mv)", 0, "ROOT"),
            ("nog", "nog", "BW()", 4, "mod"),
            ("ontvangen", "ontvangen", "N(soort,mv,basis)", 2, "obj1"),
            (".", ".", "LET()", 4, "punct"),
        ]
    )
    assert repair_mistags(s).tokens[3].pos == "N"


# ---------------------------------------------------------------- imperative read as abbreviation


def test_imperative_read_as_an_abbreviation_is_a_finite_verb(frozen) -> None:  # type: ignore[no-untyped-def]
    raw = _raw_frog(frozen, "frogfix_imperative")
    assert raw[0][0].word == "Bel" and raw[0][0].tag == "SPEC(afk)"  # Frog's mistake
    sentence = _sentences(frozen, "frogfix_imperative")["Bel ons als u vragen hebt."]
    bel = sentence.tokens[0]
    assert bel.is_finite_verb and bel.lemma == "bellen"
    features = sentence_readability(sentence)
    assert features.finite_verbs == 2  # "Bel" and "hebt": two clauses
    assert "bel" in features.content_words


def test_real_abbreviations_stay_abbreviations(frozen) -> None:  # type: ignore[no-untyped-def]
    sentences = _sentences(frozen, "frogfix_imperative")
    assert sentences["Dhr Jansen komt morgen langs."].tokens[0].tag == "SPEC(afk)"
    assert sentences["Tel 020 123 45 67"].tokens[0].tag == "SPEC(afk)"  # a number follows
    assert sentences["Bel de huisarts bij koorts."].tokens[0].is_finite_verb  # Frog was right


@pytest.mark.parametrize(
    ("stem", "infinitive"),
    [
        ("bel", "bellen"),
        ("noem", "noemen"),
        ("stuur", "sturen"),
        ("geef", "geven"),
        ("lees", "lezen"),
        ("kies", "kiezen"),
        ("zie", "zien"),
        ("maak", "maken"),
    ],
)
def test_infinitive_of_an_imperative_by_spelling(stem: str, infinitive: str) -> None:
    assert infinitive in _infinitives(stem)


# ---------------------------------------------------------------- "uiterlijk" before a date


def test_uiterlijk_without_article_is_adverbial() -> None:
    """Frog reads "uiterlijk" in "U moet de ovens uiterlijk op 1 juli ..." as the noun
    ("appearance"; in two judges' letters); with no article it is the adverbial adjective."""
    rows = [
        ("U", "u", "VNW(pers,pron,nomin,vol,2b,getal)", 2, "su"),
        ("moet", "moeten", "WW(pv,tgw,ev)", 0, "ROOT"),
        ("de", "de", "LID(bep,stan,rest)", 4, "det"),
        ("ovens", "oven", "N(soort,mv,basis)", 9, "obj1"),
        ("uiterlijk", "uiterlijk", "N(soort,ev,basis,onz,stan)", 9, "mod"),
        ("op", "op", "VZ(init)", 5, "mod"),
        ("1", "1", "TW(hoofd,vrij)", 8, "det"),
        ("juli", "juli", "SPEC(deeleigen)", 6, "obj1"),
        ("vervangen", "vervangen", "WW(inf,vrij,zonder)", 2, "vc"),
        (".", ".", "LET()", 9, "punct"),
    ]
    tokens = [
        Token(index=i, word=w, lemma=lemma, tag=tag, head=h, deprel=r)
        for i, (w, lemma, tag, h, r) in enumerate(rows, start=1)
    ]
    before = sentence_readability(Sentence(index=0, tokens=tokens))
    repaired = repair_mistags(Sentence(index=0, tokens=tokens))
    assert repaired.tokens[4].tag == "ADJ(vrij,basis,zonder)"
    after = sentence_readability(repaired)
    assert "uiterlijk" in before.nouns["concrete"]
    assert "uiterlijk" not in after.nouns.get("concrete", [])
    assert "uiterlijk" in after.content_words  # an adjective is still a content word


def test_the_noun_uiterlijk_stays_a_noun(frozen) -> None:  # type: ignore[no-untyped-def]
    sentences = _sentences(frozen, "frogfix_uiterlijk")
    noun = _token(sentences["Het uiterlijk van het huis is niet belangrijk."], "uiterlijk")
    assert noun.pos == "N"
    adverbial = _token(sentences["U moet de papieren uiterlijk vrijdag inleveren."], "uiterlijk")
    assert adverbial.tag.startswith("ADJ(vrij")  # Frog's own tag where it reads it right


# ---------------------------------------------------------------- names and short sentences


def _tokens(rows: list[tuple[str, str, str, int, str, str]]) -> list[Token]:
    return [
        Token(index=i, word=w, lemma=w.lower(), tag=tag, head=h, deprel=r, ne=ne)
        for i, (w, tag, ne, h, r, _x) in enumerate(
            [(w, tag, ne, h, r, "") for (w, tag, ne, h, r, *_rest) in rows], start=1
        )
    ]


def test_a_name_with_initials_or_a_title_is_one_person() -> None:
    """Frog's entities for "... door mr. P.C. Smit en drs. A.B. de Vries" (real output):
    P.C./PRO + Smit/ORG. spaCy gives the whole name one PERSON, which LiNT-II counts as
    concrete; a company name without initials or title keeps Frog's entities."""
    from doenvermogen.letters.analysis.readability import noun_type, spacy_word_classes

    rows = [
        ("door", "VZ(init)", "O", 0, "ROOT", ""),
        ("mr.", "SPEC(afk)", "O", 3, "mod", ""),
        ("P.C.", "SPEC(deeleigen)", "B-PRO", 1, "obj1", ""),
        ("Smit", "SPEC(deeleigen)", "B-ORG", 3, "mwp", ""),
        ("en", "VG(neven)", "O", 1, "cnj", ""),
        ("Van", "SPEC(deeleigen)", "B-ORG", 1, "obj1", ""),
        ("Dijk", "SPEC(deeleigen)", "I-ORG", 6, "mwp", ""),
        ("Bouw", "SPEC(deeleigen)", "I-ORG", 6, "mwp", ""),
    ]
    s = Sentence(index=0, tokens=_tokens(rows))
    assert noun_type(s.tokens[2]) == "unknown"  # Frog's PRO: not a person
    tokens = spacy_word_classes(s).tokens
    assert [t.ne for t in tokens[2:4]] == ["B-PER", "I-PER"]
    assert noun_type(tokens[2]) == "concrete"
    assert [t.ne for t in tokens[5:8]] == ["B-ORG", "I-ORG", "I-ORG"]  # no initials, no title


def test_short_sentence_without_final_punctuation_is_scored_with_the_next() -> None:
    """LiNT-II's text mode: "Let op:" split off as a sentence of two words is merged into the
    next sentence of the line; a short sentence that ends in . ! ? ("Let op!") is not."""
    from doenvermogen.letters.analysis.model import AnalyzedText
    from doenvermogen.letters.analysis.readability import readability

    def letter(mark: str) -> AnalyzedText:
        text = f"Let op{mark} u moet de huur voor 1 mei betalen."
        first = [
            ("Let", "WW(pv,tgw,ev)", "O", 0, "ROOT"),
            ("op", "VZ(fin)", "O", 1, "svp"),
            (mark, "LET()", "O", 2, "punct"),
        ]
        second = [
            ("u", "VNW(pers,pron,nomin,vol,2b,getal)", "O", 2, "su"),
            ("moet", "WW(pv,tgw,ev)", "O", 0, "ROOT"),
            ("de", "LID(bep,stan,rest)", "O", 4, "det"),
            ("huur", "N(soort,ev,basis,zijd,stan)", "O", 2, "obj1"),
            ("voor", "VZ(init)", "O", 4, "mod"),
            ("1", "TW(hoofd,vrij)", "O", 7, "det"),
            ("mei", "SPEC(deeleigen)", "O", 5, "obj1"),
            ("betalen", "WW(inf,vrij,zonder)", "O", 2, "vc"),
            (".", "LET()", "O", 8, "punct"),
        ]
        split = len("Let op") + len(mark)
        return AnalyzedText(
            text=text,
            sentences=[
                Sentence(index=0, tokens=_tokens(first), start=0, end=split, text=text[:split]),
                Sentence(
                    index=1,
                    tokens=_tokens(second),
                    start=split + 1,
                    end=len(text),
                    text=text[split + 1 :],
                ),
            ],
        )

    merged = readability(letter(":"))
    assert merged.scored_indices == {0}
    assert merged.sentences[0].word_count == 10
    assert merged.sentences[0].finite_verbs == 2
    apart = readability(letter("!"))
    assert apart.sentences[0].word_count == 2  # not merged ...
    assert apart.sentences[1].word_count == 8
    assert apart.scored_indices == {1}  # ... and, unscorable with two words, left out


# ---------------------------------------------------------------- infinitive read as finite


def test_infinitive_after_a_modal_read_as_finite_is_the_infinitive(frozen) -> None:  # type: ignore[no-untyped-def]
    raw = [t for s in _raw_frog(frozen, "frogfix_modal") for t in s if t.word == "betalen"]
    assert [t.is_finite_verb for t in raw] == [True, True]  # Frog's mistake
    sentences = _sentences(frozen, "frogfix_modal")
    for text, clauses in (
        ("U moet de huur uiterlijk op 1 mei betalen.", 1),
        ("Let op: u moet de huur voor 1 mei betalen.", 2),  # "Let" and "moet"
    ):
        sentence = sentences[text]
        assert not _token(sentence, "betalen").is_finite_verb
        assert sentence_readability(sentence).finite_verbs == clauses
    # A verb with its own subject, or after a comma, stays finite.
    assert _token(sentences["Wij kunnen niet zeggen wat zij doen."], "doen").is_finite_verb
    assert _token(sentences["Als u moet verhuizen, kunnen wij helpen."], "kunnen").is_finite_verb


# ---------------------------------------------------------------- finite verb read as participle


def test_finite_verb_of_a_subordinate_clause_read_as_participle(frozen) -> None:  # type: ignore[no-untyped-def]
    """ "Als wij ... ontvangen, ...": Frog tags the finite plural "ontvangen" as a participle,
    so the subordinate clause has no finite verb; it counts its clause again."""
    raw = [t for s in _raw_frog(frozen, "frogfix_subclause") for t in s if t.word == "ontvangen"]
    assert [t.is_participle for t in raw] == [True] * 4  # Frog: a participle every time
    sentences = _sentences(frozen, "frogfix_subclause")
    for text in (
        "Als wij uw betaling niet op tijd ontvangen, sturen wij een herinnering.",
        "Zodra wij uw papieren ontvangen, nemen wij een besluit.",
    ):
        sentence = sentences[text]
        assert _token(sentence, "ontvangen").is_finite_verb
        assert sentence_readability(sentence).finite_verbs == 2
    # With its auxiliary ("hebt ontvangen") or in a main clause, it stays a participle.
    for text in (
        "Als u de brief hebt ontvangen, belt u ons.",
        "Wij hebben uw brief ontvangen en wij bellen u morgen.",
    ):
        assert _token(sentences[text], "ontvangen").is_participle


def test_auxiliary_read_as_infinitive_in_a_subordinate_clause_is_finite() -> None:
    """Frog's tags for "Nadat wij het advies hebben ontvangen, nemen wij ..." (letter A):
    "hebben" as an infinitive; the auxiliary, not the participle, becomes finite."""
    rows = [
        ("Nadat", "VG(onder)", "O", 8, "mod"),
        ("wij", "VNW(pers,pron,nomin,vol,1,mv)", "O", 5, "su"),
        ("het", "LID(bep,stan,evon)", "O", 4, "det"),
        ("advies", "N(soort,ev,basis,onz,stan)", "O", 6, "obj1"),
        ("hebben", "WW(inf,vrij,zonder)", "O", 1, "body"),
        ("ontvangen", "WW(vd,vrij,zonder)", "O", 5, "vc"),
        (",", "LET()", "O", 6, "punct"),
        ("nemen", "WW(pv,tgw,mv)", "O", 0, "ROOT"),
        ("wij", "VNW(pers,pron,nomin,vol,1,mv)", "O", 8, "su"),
        ("een", "LID(onbep,stan,agr)", "O", 11, "det"),
        ("beslissing", "N(soort,ev,basis,zijd,stan)", "O", 8, "obj1"),
        (".", "LET()", "O", 11, "punct"),
    ]
    repaired = repair_mistags(Sentence(index=0, tokens=_tokens(rows)))
    assert repaired.tokens[4].is_finite_verb
    assert repaired.tokens[5].is_participle
    assert sentence_readability(repaired).finite_verbs == 2
