"""The engine never crashes, whatever the text and whatever the (possibly odd) parse."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doenvermogen.letters.analysis import LetterInputError, SimpleAnalyzer, check_letter
from doenvermogen.letters.analysis.analyzers import analyze_text
from doenvermogen.letters.analysis.model import Token
from doenvermogen.letters.analysis.report import build_report

TAGS = [
    "N(soort,ev,basis,zijd,stan)",
    "N(eigen,ev,basis,zijd,stan)",
    "SPEC(deeleigen)",
    "WW(pv,tgw,ev)",
    "WW(vd,vrij,zonder)",
    "WW(inf,vrij,zonder)",
    "ADJ(prenom,basis,met-e,stan)",
    "VZ(init)",
    "VG(onder)",
    "VG(neven)",
    "VNW(betr,pron,stan,vol,persoon,getal)",
    "LET()",
    "TW(hoofd,vrij)",
    "BW()",
    "",
    "???",
]
RELS = ["su", "obj1", "vc", "predc", "body", "cnj", "crd", "mod", "det", "punct", "ROOT", "", "mwp"]
LEMMAS = ["zijn", "worden", "hebben", "komen", "versturen", "moeten", "de", "", "huis"]

DUTCHISH = st.text(
    alphabet=st.sampled_from(list("abcdeéëijklmnoprstuvwzABDEGHIJKLMUVZ .,!?;:\n-'€0123456789")),
    min_size=0,
    max_size=400,
)


class RandomParseAnalyzer:
    """Tokenises like SimpleAnalyzer, then gives every token random tags, heads and relations
    drawn by Hypothesis (heads may point anywhere, also outside the sentence or in cycles)."""

    name = "random"

    def __init__(self, draw) -> None:  # type: ignore[no-untyped-def]
        self.draw = draw

    def analyze_segments(self, segments: Sequence[str]) -> list[list[Token]]:
        out = []
        for sentence in SimpleAnalyzer().analyze_segments(segments):
            n = len(sentence)
            tokens = []
            for t in sentence:
                tokens.append(
                    Token(
                        index=t.index,
                        word=t.word,
                        lemma=self.draw(st.sampled_from(LEMMAS + [t.word.lower()])),
                        tag=self.draw(st.sampled_from(TAGS)),
                        ne=self.draw(st.sampled_from(["O", "B-PER", "B-LOC", "I-ORG", ""])),
                        head=self.draw(st.integers(min_value=-1, max_value=n + 2)),
                        deprel=self.draw(st.sampled_from(RELS)),
                    )
                )
            out.append(tokens)
        return out


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=st.one_of(st.text(max_size=300), DUTCHISH))
def test_check_letter_never_crashes(text: str) -> None:
    try:
        report = check_letter(text, analyzer=SimpleAnalyzer())
    except LetterInputError as exc:
        assert exc.message and exc.code
        return
    data = report.to_dict()
    for f in data["findings"]:
        if f["start"] is not None:
            assert 0 <= f["start"] <= f["end"] <= len(report.text)


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=DUTCHISH, data=st.data())
def test_build_report_survives_any_parse(text: str, data) -> None:  # type: ignore[no-untyped-def]
    analyzed = analyze_text(text, RandomParseAnalyzer(data.draw))
    report = build_report(analyzed)
    result = report.to_dict()
    score = result["readability"]["lint_score"]
    assert score is None or 0 <= score <= 100
    assert result["readability"]["lint_level"] in (None, 1, 2, 3, 4)
