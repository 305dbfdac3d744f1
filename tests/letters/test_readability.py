"""LiNT-II and Flesch-Douma, validated against the published LiNT-II example."""

from __future__ import annotations

import statistics

import pytest

from doenvermogen.letters.analysis.analyzers import analyze_text
from doenvermogen.letters.analysis.readability import (
    ZERO_COUNT_FREQ,
    lint_data,
    lint_level,
    lint_score,
    readability,
    sentence_readability,
    syllables,
)
from tests.letters.fixture_texts import OUDEGRACHT

# Published in the README of lint-ii 0.1.3.
PUBLISHED_SCORE = 48.21821023715232
PUBLISHED_LEVEL = 3
PUBLISHED_SENTENCES = [18.488663741182307, 54.29401862227567, 63.24784032931867]
PUBLISHED_S1_FREQ = 5.364349123825101

# Content words per sentence by LiNT-II's definition (nouns, names, lexical verbs,
# adjectives, manner adverbs; no copulas, auxiliaries or numerals).
CONTENT_WORDS = [
    ["oudegracht", "sfeervolle", "hart", "stad"],
    ["middeleeuwen", "drukte", "belang", "afvoer", "goederen"],
    ["prachtige", "plek", "winkelen", "lunchen", "dineren", "oude", "stadskastelen"],
]
PROPER_NOUNS = {"oudegracht"}
# Dictionary forms; LiNT-II skips a word when its form or its lemma is on the skiplist.
LEMMAS = {
    "sfeervolle": "sfeervol",
    "goederen": "goed",
    "prachtige": "prachtig",
    "oude": "oud",
    "stadskastelen": "stadskasteel",
}


def expected_frequency(word: str) -> float | None:
    """LiNT-II's word frequency, computed straight from its data files."""
    data = lint_data()
    lemma = LEMMAS.get(word, word)
    if word in PROPER_NOUNS or word in data.skiplist or lemma in data.skiplist:
        return None
    entry = data.nouns.get(word)
    lookup = entry[2] if entry and entry[2] else word
    return data.freq.get(lookup, ZERO_COUNT_FREQ)


@pytest.fixture(scope="module")
def oudegracht(frozen):  # type: ignore[no-untyped-def]
    return readability(analyze_text(OUDEGRACHT, frozen))


def test_data_matches_published_first_sentence() -> None:
    freqs = [f for w in CONTENT_WORDS[0] if (f := expected_frequency(w)) is not None]
    assert statistics.mean(freqs) == pytest.approx(PUBLISHED_S1_FREQ, abs=1e-9)


def test_content_words_match_lint_definition(oudegracht) -> None:  # type: ignore[no-untyped-def]
    assert [s.content_words for s in oudegracht.sentences] == CONTENT_WORDS


def test_word_frequency_features_match_to_1e6(oudegracht) -> None:  # type: ignore[no-untyped-def]
    all_freqs = []
    for sentence, words in zip(oudegracht.sentences, CONTENT_WORDS, strict=True):
        expected = [f for w in words if (f := expected_frequency(w)) is not None]
        all_freqs.extend(expected)
        assert sentence.mean_log_word_frequency == pytest.approx(
            statistics.mean(expected), abs=1e-6
        )
    assert oudegracht.mean_log_word_frequency == pytest.approx(statistics.mean(all_freqs), abs=1e-6)
    assert oudegracht.sentences[0].mean_log_word_frequency == pytest.approx(
        PUBLISHED_S1_FREQ, abs=1e-6
    )


def test_content_words_per_clause_match_to_1e6(oudegracht) -> None:  # type: ignore[no-untyped-def]
    expected = [len(w) / 1 for w in CONTENT_WORDS]  # one finite verb per sentence
    for sentence, value in zip(oudegracht.sentences, expected, strict=True):
        assert sentence.content_words_per_clause == pytest.approx(value, abs=1e-6)
    assert oudegracht.mean_content_words_per_clause == pytest.approx(
        statistics.mean(expected), abs=1e-6
    )


def test_score_within_five_points_and_same_level(oudegracht) -> None:  # type: ignore[no-untyped-def]
    assert oudegracht.lint_level == PUBLISHED_LEVEL
    assert oudegracht.lint_score == pytest.approx(PUBLISHED_SCORE, abs=5)
    for ours, published in zip(
        [s.lint_score for s in oudegracht.sentences], PUBLISHED_SENTENCES, strict=True
    ):
        assert ours == pytest.approx(published, abs=5)
        assert lint_level(ours) == lint_level(published)


def test_first_and_last_sentence_exact(oudegracht) -> None:  # type: ignore[no-untyped-def]
    """With Frog's parse turned into UD heads, two of three sentences match exactly."""
    assert oudegracht.sentences[0].lint_score == pytest.approx(PUBLISHED_SENTENCES[0], abs=1e-6)
    assert oudegracht.sentences[2].lint_score == pytest.approx(PUBLISHED_SENTENCES[2], abs=1e-6)
    assert [s.max_sdl for s in oudegracht.sentences] == [3, 4, 8]


def test_lint_formula_example_from_package() -> None:
    """The LintScorer docstring example (coefficients for the same model and noun list
    differ slightly between lists, so allow 0.5)."""
    assert lint_score(5.2, 3, 4.5, 0.6) == pytest.approx(21.010140322363895, abs=0.5)
    assert lint_score(None, 3, 4.5, 0.6) is None


@pytest.mark.parametrize(
    ("score", "level"),
    [(0.0, 1), (33.99, 1), (34.0, 2), (45.9, 2), (46.0, 3), (57.99, 3), (58.0, 4), (100, 4)],
)
def test_level_bounds(score: float, level: int) -> None:
    assert lint_level(score) == level


def test_scores_are_clamped() -> None:
    assert lint_score(10.0, 0, 0, 1) == 0.0
    assert lint_score(0.0, 40, 30, 0) == 100.0


def test_flesch_douma(oudegracht) -> None:  # type: ignore[no-untyped-def]
    assert syllables("boterham") == 3
    assert syllables("stad") == 1
    assert 40 < oudegracht.flesch_douma < 90


def test_easy_text_reads_easier(frozen) -> None:  # type: ignore[no-untyped-def]
    from tests.letters.fixture_texts import TEXTS

    easy = readability(analyze_text(TEXTS["short"], frozen))
    hard = readability(analyze_text(TEXTS["long_23"], frozen))
    assert easy.flesch_douma > hard.flesch_douma


# ---------------------------------------------------------------- LiNT-II's text mode, emulated


def _sentence(rows: list[tuple[str, str, str, int, str]]):  # type: ignore[no-untyped-def]
    """A parsed sentence from (word, lemma, CGN tag, head, relation) rows."""
    from doenvermogen.letters.analysis.model import Sentence, Token

    tokens = [
        Token(index=i, word=w, lemma=lemma, tag=tag, head=head, deprel=rel)
        for i, (w, lemma, tag, head, rel) in enumerate(rows, start=1)
    ]
    return Sentence(index=0, tokens=tokens, text=" ".join(r[0] for r in rows))


def test_loose_fragments_of_frogs_parse_become_one_tree() -> None:
    """Frog left "Op 3 september 2026" as a second root; spaCy (and UD) hang it from the main
    verb, so "september" is 5 words from "ontvangen", not unattached."""
    from doenvermogen.letters.analysis.readability import dependency_lengths, ud_heads

    s = _sentence(
        [
            ("Op", "op", "VZ(init)", 0, "ROOT"),
            ("3", "3", "TW(hoofd,vrij)", 3, "det"),
            ("september", "september", "N(soort,ev,basis,zijd,stan)", 1, "obj1"),
            ("2026", "2026", "TW(hoofd,vrij)", 3, "mod"),
            ("hebben", "hebben", "WW(pv,tgw,mv)", 0, "ROOT"),
            ("wij", "wij", "VNW(pers,pron,nomin,vol,1,mv)", 5, "su"),
            ("uw", "uw", "VNW(bez,det,stan,vol,2,getal,prenom,zonder,agr)", 8, "det"),
            ("aanvraag", "aanvraag", "N(soort,ev,basis,zijd,stan)", 9, "obj1"),
            ("ontvangen", "ontvangen", "WW(vd,vrij,zonder)", 5, "vc"),
            (".", ".", "LET()", 9, "punct"),
        ]
    )
    heads = ud_heads(s)
    assert [i for i, (h, _r) in heads.items() if h == 0] == [9]
    assert heads[3][0] == 9 and heads[1] == (3, "case")
    assert dependency_lengths(s)[3] == 5
    assert sentence_readability(s).max_sdl == 5


def test_a_lost_verbal_complement_rejoins_its_auxiliary() -> None:
    """ "kunt u ... | beroep instellen": the loose infinitive is the auxiliary's complement, so
    it becomes the head (the subject measures to "instellen")."""
    from doenvermogen.letters.analysis.readability import ud_heads

    s = _sentence(
        [
            ("kunt", "kunnen", "WW(pv,tgw,met-t)", 0, "ROOT"),
            ("u", "u", "VNW(pers,pron,nomin,vol,2b,getal)", 1, "su"),
            ("nu", "nu", "BW()", 1, "mod"),
            ("beroep", "beroep", "N(soort,ev,basis,onz,stan)", 5, "obj1"),
            ("instellen", "instellen", "WW(inf,vrij,zonder)", 0, "ROOT"),
            (".", ".", "LET()", 5, "punct"),
        ]
    )
    heads = ud_heads(s)
    assert heads[5][0] == 0
    assert heads[1] == (5, "aux")
    assert heads[2][0] == 5


def test_verb_first_conditional_is_not_the_main_clause() -> None:
    """ "Wordt uw aanvraag toegekend, dan kunt u ...": the second finite verb is the main one."""
    from doenvermogen.letters.analysis.readability import ud_heads

    s = _sentence(
        [
            ("Wordt", "worden", "WW(pv,tgw,met-t)", 0, "ROOT"),
            ("het", "het", "LID(bep,stan,evon)", 3, "det"),
            ("toegekend", "toekennen", "WW(vd,vrij,zonder)", 1, "vc"),
            (",", ",", "LET()", 3, "punct"),
            ("dan", "dan", "BW()", 6, "mod"),
            ("kunt", "kunnen", "WW(pv,tgw,met-t)", 0, "ROOT"),
            ("u", "u", "VNW(pers,pron,nomin,vol,2b,getal)", 6, "su"),
            ("ophalen", "ophalen", "WW(inf,vrij,zonder)", 6, "vc"),
            (".", ".", "LET()", 8, "punct"),
        ]
    )
    heads = ud_heads(s)
    assert heads[8][0] == 0
    assert heads[3][0] == 8  # the conditional clause hangs from the main verb


def test_om_te_clause_is_headed_by_its_infinitive() -> None:
    """ "gevraagd om na afloop gegevens te sturen": "sturen" under "gevraagd", "om", "te" and
    what lies between under "sturen" (Frog gave "om" no body)."""
    from doenvermogen.letters.analysis.readability import ud_heads

    s = _sentence(
        [
            ("gevraagd", "vragen", "WW(vd,vrij,zonder)", 0, "ROOT"),
            ("om", "om", "VZ(init)", 1, "vc"),
            ("na", "na", "VZ(init)", 1, "mod"),
            ("afloop", "afloop", "N(soort,ev,basis,zijd,stan)", 3, "obj1"),
            ("gegevens", "gegeven", "N(soort,mv,basis)", 4, "mod"),
            ("te", "te", "VZ(init)", 5, "mod"),
            ("sturen", "sturen", "WW(inf,vrij,zonder)", 6, "body"),
        ]
    )
    heads = ud_heads(s)
    assert heads[7][0] == 1
    assert heads[2] == (7, "mark") and heads[6] == (7, "mark")
    assert heads[4][0] == 7  # "na afloop" now belongs to the om-clause


def test_prose_test_of_lint_ii_text_mode() -> None:
    from doenvermogen.letters.analysis.analyzers import is_prose_line

    assert is_prose_line("Neem een geldig identiteitsbewijs mee.")
    assert is_prose_line("Welke gegevens hebben wij nodig?")
    assert is_prose_line("Lees dit eerst. U hebt deze stukken nodig:")  # a sentence inside
    assert is_prose_line("Meer informatie vindt u op www.oosterwijde.nl")
    assert is_prose_line("M. de Boer")  # ". " inside: LiNT-II counts it, then drops it
    assert not is_prose_line("Geachte mevrouw Jansen,")
    assert not is_prose_line("Onderwerp: Ontvangstbevestiging van uw aanvraag")
    assert not is_prose_line("de factuur van het bedrijf;")
    assert not is_prose_line("www.oosterwijde.nl")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("M. de Boer", True),
        ("2026", True),
        ("Uw gegevens:", True),
        ("Hebt u vragen?", True),
        ("Wat gebeurt er als u niets stuurt?", False),
    ],
)
def test_unscoreable_fragment(text: str, fragment: bool) -> None:
    from doenvermogen.letters.analysis.readability import is_unscoreable_fragment

    assert is_unscoreable_fragment(text) is fragment


def test_signature_initials_are_prose_but_not_scored(check) -> None:  # type: ignore[no-untyped-def]
    """LiNT-II reads "M. de Boer" as prose (". " inside) and then leaves it out: it cannot be
    scored and has three words."""
    from pathlib import Path

    from tests.letters.make_fixtures import judge_text

    text = judge_text(Path(__file__).parent / "fixtures" / "judges" / "A_parkeerkaart.txt")
    report = check(text)
    assert "M. de Boer" in report.not_scored()


def test_plural_noun_after_hebben_is_not_an_infinitive(frozen) -> None:  # type: ignore[no-untyped-def]
    """Frog reads "Hebt u vragen?" as hebben + infinitive, which Dutch does not have."""
    from pathlib import Path

    from tests.letters.make_fixtures import judge_text

    text = judge_text(Path(__file__).parent / "fixtures" / "judges" / "B_isolatie_herinnering.txt")
    analyzed = analyze_text(text, frozen)
    sentence = next(s for s in analyzed.sentences if s.text == "Hebt u vragen?")
    vragen = next(t for t in sentence.tokens if t.word == "vragen")
    assert vragen.pos == "N"
    features = sentence_readability(sentence)
    assert features.content_words == ["hebt", "vragen"]
    assert features.lint_score is not None


def test_spacy_word_classes_for_capitals_and_months() -> None:
    """A capitalised common noun inside the sentence is a name (no word frequency); a month
    that Frog marks as part of a name is a common noun (with its frequency)."""
    from doenvermogen.letters.analysis.readability import spacy_word_classes

    s = _sentence(
        [
            ("Belasting", "belasting", "N(soort,ev,basis,zijd,stan)", 2, "su"),
            ("bellen", "bellen", "WW(pv,tgw,mv)", 0, "ROOT"),
            ("de", "de", "LID(bep,stan,rest)", 4, "det"),
            ("Belastingdienst", "belastingdienst", "N(soort,ev,basis,zijd,stan)", 2, "obj1"),
            ("op", "op", "VZ(init)", 2, "mod"),
            ("3", "3", "TW(hoofd,vrij)", 7, "det"),
            ("september", "september", "SPEC(deeleigen)", 5, "obj1"),
        ]
    )
    tokens = spacy_word_classes(s).tokens
    assert tokens[0].tag == "N(soort,ev,basis,zijd,stan)"  # opens the sentence: unchanged
    assert tokens[3].tag == "N(eigen,ev,basis,zijd,stan)"
    assert tokens[6].tag == "N(soort,ev,basis,zijd,stan)"
    features = sentence_readability(s)
    words = [w for w, _f in features.frequencies]
    assert "belastingdienst" not in words
    assert "september" in words
    assert s.tokens[3].tag.startswith("N(soort")  # the findings keep Frog's tags
