"""Validation against LiNT-II's published scores of the five letters of its human-judge study
(antalvdb/lint_ii, experiments/judges-2026; texts in fixtures/judges/, Frog output frozen).

LiNT-II's text mode scores prose only: a line counts when it ends with . ! ? or …, holds a
sentence before its end (". " inside) or ends with a link; so subject lines, salutations,
headings, list items ending in ";", the closing and most of the signature are left out, and a
prose sentence it cannot score that is a fragment ("M. de Boer") is dropped as well. We do the
same, and emulate spaCy's one-tree-per-sentence parse on Frog's (docs/letters.md has the table
and every step). The target of issue 11 is a mean absolute error of at most 1.5 points with
every level equal; the levels are equal, the error is 1.81 (see `MAE_NOW`).
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from doenvermogen.letters.analysis import check_letter
from tests.letters.make_fixtures import judge_text

JUDGES = Path(__file__).resolve().parent / "fixtures" / "judges"
PUBLISHED = {
    "A_parkeerkaart": (43.0, 2),
    "B_isolatie_herinnering": (39.0, 2),
    "C_subsidie_verlening": (52.9, 3),
    "D_voornemen_terugvordering": (50.4, 3),
    "E_afwijzing_bezwaar": (66.5, 4),
}
#: Where we are today (mean absolute error 1.81: A -2.3, B -3.5, C +0.8, D -1.4, E -1.0);
#: a regression guard just above it, not the target of 1.5 (docs/letters.md says what remains).
MAE_NOW = 1.85


@pytest.fixture(scope="module")
def reports(frozen):  # type: ignore[no-untyped-def]
    return {
        name: check_letter(judge_text(JUDGES / f"{name}.txt"), analyzer=frozen)
        for name in PUBLISHED
    }


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_level_equals_the_published_level(reports, name: str) -> None:  # type: ignore[no-untyped-def]
    assert reports[name].readability.lint_level == PUBLISHED[name][1]


def test_mean_absolute_error(reports) -> None:  # type: ignore[no-untyped-def]
    errors = [reports[n].readability.lint_score - PUBLISHED[n][0] for n in PUBLISHED]
    assert statistics.mean(abs(e) for e in errors) <= MAE_NOW
    assert all(e < 1.0 for e in errors), "never more than a point harder than LiNT-II"


def test_non_prose_lines_are_not_scored_but_still_checked(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["A_parkeerkaart"]
    not_scored = report.not_scored()
    assert any(line.startswith("Onderwerp:") for line in not_scored)
    assert "Geachte mevrouw Jansen," in not_scored
    assert "Medische keuring" in not_scored
    assert "M. de Boer" in not_scored
    assert not any("Neem naar de keuring" in line for line in not_scored)
    # Findings still look at the signature lines: a person's name, so no finding.
    assert not any(f.code == "missing_sender_name" for f in report.findings)


def test_scoring_the_whole_letter_would_be_easier(reports, frozen) -> None:  # type: ignore[no-untyped-def]
    """The issue's diagnosis: averaging the non-prose lines in makes the score too easy."""
    from doenvermogen.letters.analysis.analyzers import analyze_text
    from doenvermogen.letters.analysis.readability import Readability, sentence_readability

    text = judge_text(JUDGES / "A_parkeerkaart.txt")
    analyzed = analyze_text(text, frozen)
    everything = Readability(
        sentences=[sentence_readability(s) for s in analyzed.sentences], flesch_douma=None
    )
    assert everything.lint_score < reports["A_parkeerkaart"].readability.lint_score - 1


def test_frog_mistags_do_not_drop_a_sentence(frozen) -> None:  # type: ignore[no-untyped-def]
    """'Aan de keuring zijn ... verbonden' (zijn as infinitive) and 'De kosten ... bedragen
    € 25' (bedragen as a noun): each gets its finite verb back, so each is one clause."""
    from doenvermogen.letters.analysis.analyzers import analyze_text

    analyzed = analyze_text(judge_text(JUDGES / "A_parkeerkaart.txt"), frozen)
    for start, verb in (("Aan de keuring zijn", "zijn"), ("De kosten van de kaart", "bedragen")):
        sentence = next(s for s in analyzed.sentences if s.text.startswith(start))
        finite = [t.word for t in sentence.tokens if t.is_finite_verb]
        assert finite == [verb]


def test_frogs_loose_fragments_are_joined_in_the_judges_letters(frozen) -> None:  # type: ignore[no-untyped-def]
    """Frog leaves 19 of the 72 prose sentences of these letters in pieces; spaCy never does.
    After joining, every scored sentence of every letter is one tree."""
    from doenvermogen.letters.analysis.analyzers import analyze_text
    from doenvermogen.letters.analysis.readability import ud_heads

    loose = 0
    for name in PUBLISHED:
        analyzed = analyze_text(judge_text(JUDGES / f"{name}.txt"), frozen)
        for sentence in analyzed.sentences:
            if not sentence.scored:
                continue
            loose += sum(t.head == 0 for t in sentence.tokens) > 1
            roots = [i for i, (h, _r) in ud_heads(sentence).items() if h == 0]
            assert len(roots) == 1, sentence.text
    assert loose >= 15


def test_frogs_mistakes_in_letter_b_are_repaired(frozen) -> None:  # type: ignore[no-untyped-def]
    """The general rules of tests/letters/test_frog_repairs.py at work in letter B."""
    from doenvermogen.letters.analysis.analyzers import analyze_text
    from doenvermogen.letters.analysis.readability import sentence_readability

    analyzed = analyze_text(judge_text(JUDGES / "B_isolatie_herinnering.txt"), frozen)
    by_start = {s.text[:20]: s for s in analyzed.sentences}
    deliver = by_start["Wij verzoeken u de g"]
    features = sentence_readability(deliver)
    assert features.max_sdl == 10  # "leveren" under "verzoeken", not under "november"
    assert "uiterlijk" not in features.nouns.get("concrete", [])
    received = next(t for t in by_start["Die gegevens hebben "].tokens if t.word == "ontvangen")
    assert received.is_participle
    call = sentence_readability(by_start["Bel ons op werkdagen"])
    assert call.finite_verbs == 2  # "Bel" and "noem"
    invoice = sentence_readability(by_start["Op de factuur moet v"])
    assert invoice.finite_verbs == 3  # moet, heeft, is: "vermeld staan" is an infinitive
