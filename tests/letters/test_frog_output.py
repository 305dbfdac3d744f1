"""Parsing Frog's output, segmenting letters and aligning tokens to the text."""

from __future__ import annotations

from doenvermogen.letters.analysis.analyzers import (
    align,
    analyze_text,
    parse_frog_output,
    segment_text,
)

FULL = (
    "1\tDe\tde\t[de]\tLID(bep,stan,rest)\t0.878939\tO\tB-NP\t2\tdet\n"
    "2\tbrief\tbrief\t[brief]\tN(soort,ev,basis,zijd,stan)\t0.99\tO\tI-NP\t3\tsu\n"
    "3\tis\tzijn\t[zijn]\tWW(pv,tgw,ev)\t0.99\tO\tB-VP\t0\tROOT\n"
    "4\tverstuurd\tversturen\t[ver][stuur][d]\tWW(vd,vrij,zonder)\t0.99\tO\tI-VP\t3\tvc\n"
    "5\t.\t.\t[.]\tLET()\t1.0\tO\tO\t4\tpunct\n"
    "\n"
)
# With --skip=ac Frog leaves morphology and chunk empty and adds an extra empty column.
SKIPPED = (
    "1\tIn\tin\t\tVZ(init)\t0.99\tO\t\t\t2\tmod\n"
    "2\tDen_Haag\tDen_Haag\t\tSPEC(deeleigen)_SPEC(deeleigen)\t1.0\tB-LOC_I-LOC\t\t\t0\tROOT\n"
    "3\t.\t.\t\tLET()\t1.0\tO\t\t\t2\tpunct\n"
)


def test_parse_ten_columns() -> None:
    [sentence] = parse_frog_output(FULL)
    verb = sentence[2]
    assert (verb.word, verb.lemma, verb.tag, verb.head, verb.deprel) == (
        "is",
        "zijn",
        "WW(pv,tgw,ev)",
        0,
        "ROOT",
    )
    assert verb.is_finite_verb and sentence[3].is_participle
    assert sentence[1].morph == "[brief]" and sentence[1].chunk == "I-NP"
    assert sentence[0].confidence == 0.878939


def test_parse_skipped_modules_and_multiword_units() -> None:
    [sentence] = parse_frog_output(SKIPPED)
    words = [t.word for t in sentence]
    assert words == ["In", "Den", "Haag", "."]
    den, haag = sentence[1], sentence[2]
    assert den.head == 0 and den.deprel == "ROOT" and den.ne == "B-LOC"
    assert haag.head == den.index and haag.deprel == "mwp" and haag.ne == "I-LOC"
    assert sentence[0].head == den.index  # head renumbered after the split
    assert sentence[3].head == den.index


def test_parse_ignores_noise() -> None:
    assert parse_frog_output("") == []
    assert parse_frog_output("frog>\nProcessing...\n\n\n") == []


def test_segment_text_joins_wrapped_lines_and_keeps_short_ones() -> None:
    text = (
        "Geachte heer Jansen,\n\n"
        "Wij hebben gezien dat de rekening van de gemeente nog niet is betaald en dat\n"
        "er een bedrag openstaat.\n"
        "Met vriendelijke groet,\nSara de Vries"
    )
    segments = segment_text(text)
    assert segments == [
        "Geachte heer Jansen,",
        "Wij hebben gezien dat de rekening van de gemeente nog niet is betaald en dat "
        "er een bedrag openstaat.",
        "Met vriendelijke groet,",
        "Sara de Vries",
    ]


def test_segment_text_strips_marker() -> None:
    assert "|||" not in " ".join(segment_text("a ||| b"))


def test_align_offsets_point_into_the_text() -> None:
    text = "De brief  is\nverstuurd."
    [sentence] = align(text, parse_frog_output(FULL))
    for token in sentence.tokens:
        assert text[token.start : token.end] == token.word
    assert sentence.text == text


def test_analyze_text_frozen_offsets(frozen) -> None:  # type: ignore[no-untyped-def]
    from tests.letters.fixture_texts import TEXTS

    text = TEXTS["signed_person"]
    analyzed = analyze_text(text, frozen)
    assert [s.text for s in analyzed.sentences][-2:] == ["Sara de Vries", "Afdeling Belastingen"]
    for token in analyzed.tokens:
        assert token.start >= 0
        assert text[token.start : token.end] == token.word
