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
