"""The letter report and `check_letter()`, the one function the web view, API and CLI call.

Lives here: `LetterReport` (dataclasses with `to_dict()` in the JSON shape of issue 5) and
`check_letter()`. Not here: the rules (`findings.py`), scores (`readability.py`) or EAST
(`east.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .analyzers import Analyzer, Piece, assemble, frog_pieces, parse_frog_output
from .east import PARTS, EastPart, east_report
from .findings import Finding, find_all
from .inputs import prepare_text
from .model import AnalyzedText
from .readability import Readability, readability

SCORE_NOTE = (
    "De LiNT-II-score is berekend met Frog in plaats van spaCy. Hij kan een paar punten "
    "verschillen van de score die LiNT-II zelf geeft."
)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class SentenceReport:
    """One sentence: where it is and how hard it reads."""

    index: int
    start: int
    end: int
    words: int
    lint_score: float | None
    lint_level: int | None
    scored: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "lint_score": _round(self.lint_score, 1),
            "lint_level": self.lint_level,
            "scored": self.scored,
        }


@dataclass
class ReadabilityReport:
    """LiNT-II (letter and sentences) and Flesch-Douma."""

    lint_score: float | None
    lint_level: int | None
    features: dict[str, float | None]
    flesch_douma: float | None
    sentences: list[SentenceReport] = field(default_factory=list)

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "lint_score": _round(self.lint_score, 1),
            "lint_level": self.lint_level,
            "features": {k: _round(v, 4) for k, v in self.features.items()},
            "flesch_douma": _round(self.flesch_douma, 1),
        }
        out["not_scored"] = [
            {"start": s.start, "end": s.end} for s in self.sentences if not s.scored
        ]
        if detail:
            out["sentences"] = [s.to_dict() for s in self.sentences]
            out["note"] = SCORE_NOTE
        return out


@dataclass
class LetterReport:
    """Everything the checker says about one letter."""

    text: str
    words: int
    sentences: int
    readability: ReadabilityReport
    findings: list[Finding]
    east: dict[str, EastPart]
    analyzer: str = ""
    file: str | None = None
    notices: list[str] = field(default_factory=list)

    def not_scored(self) -> list[str]:
        """The lines LiNT-II does not score (salutation, headings, signature, ...)."""
        return [self.text[s.start : s.end] for s in self.readability.sentences if not s.scored]

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        """The JSON shape of issue 5. `detail=True` adds per-sentence scores, the score note,
        the EAST strengths and the analysed text."""
        out: dict[str, Any] = {
            "file": self.file,
            "words": self.words,
            "sentences": self.sentences,
            "readability": self.readability.to_dict(detail=detail),
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity,
                    "message": f.message,
                    "suggestion": f.suggestion,
                    "sentence_index": f.sentence_index,
                    "start": f.start,
                    "end": f.end,
                }
                for f in self.findings
            ],
            "east": {part: self.east[part].to_dict(detail=detail) for part in PARTS},
            "notices": list(self.notices),
        }
        if detail:
            out["text"] = self.text
            out["analyzer"] = self.analyzer
        return out


def build_report(
    analyzed: AnalyzedText, file: str | None = None, notices: list[str] | None = None
) -> LetterReport:
    """Compute scores, findings and EAST advice for an analysed letter."""
    read: Readability = readability(analyzed)
    scored = read.scored_indices
    findings = find_all(analyzed)
    sentence_reports = [
        SentenceReport(
            index=s.index,
            start=s.start,
            end=s.end,
            words=r.word_count,
            lint_score=r.lint_score,
            lint_level=r.lint_level,
            scored=scored is None or s.index in scored,
        )
        for s, r in zip(analyzed.sentences, read.sentences, strict=True)
    ]
    return LetterReport(
        text=analyzed.text,
        words=analyzed.word_count,
        sentences=len([s for s in analyzed.sentences if s.words]),
        readability=ReadabilityReport(
            lint_score=read.lint_score,
            lint_level=read.lint_level,
            features=read.features(),
            flesch_douma=read.flesch_douma,
            sentences=sentence_reports,
        ),
        findings=findings,
        east=east_report(analyzed.text, findings, read.lint_level),
        analyzer=analyzed.analyzer,
        file=file,
        notices=list(notices or []),
    )


@dataclass
class PreparedLetter:
    """A letter ready for Frog: the checked text, the notices and the pieces Frog gets."""

    text: str
    notices: list[str]
    pieces: list[Piece]

    @property
    def segments(self) -> list[str]:
        return [p.text for p in self.pieces]


def prepare_letter(text: str) -> PreparedLetter:
    """Check the input (raises `LetterInputError`) and cut it into pieces for Frog."""
    clean, notices = prepare_text(text)
    return PreparedLetter(text=clean, notices=notices, pieces=frog_pieces(clean))


def report_from_output(
    prepared: PreparedLetter, frog_output: str, analyzer: str = "frog", file: str | None = None
) -> LetterReport:
    """The report for a prepared letter from Frog's raw output (e.g. from the pool)."""
    analyzed = assemble(prepared.text, prepared.pieces, parse_frog_output(frog_output))
    analyzed.analyzer = analyzer
    return build_report(analyzed, file=file, notices=prepared.notices)


def check_letter(
    text: str, analyzer: Analyzer | None = None, file: str | None = None
) -> LetterReport:
    """Check a Dutch letter: readability, findings and EAST advice.

    `analyzer` defaults to the process-wide warm Frog (`get_frog_analyzer()`). Raises
    `LetterInputError` for empty, too long or non-Dutch text and `AnalyzerError` when the
    language analysis fails (e.g. Frog is not installed). Pasted HTML is turned into text
    first (the report's `notices` say so).
    """
    prepared = prepare_letter(text)
    if analyzer is None:
        from .frog import get_frog_analyzer

        analyzer = get_frog_analyzer()
    if not prepared.pieces:
        analyzed = AnalyzedText(text=prepared.text, analyzer=analyzer.name)
    else:
        raw = analyzer.analyze_segments(prepared.segments)
        analyzed = assemble(prepared.text, prepared.pieces, raw)
        analyzed.analyzer = analyzer.name
    return build_report(analyzed, file=file, notices=prepared.notices)


def warm_up(analyzer: Analyzer | None = None) -> None:
    """Load the word data and start Frog now, so the first real check is fast.

    Call it once when a web worker or batch process starts (takes a few seconds).
    """
    from .findings import rules
    from .readability import lint_data

    lint_data()
    rules()
    if analyzer is None:
        from .frog import get_frog_analyzer

        analyzer = get_frog_analyzer()
    check_letter("Wij sturen u een korte brief. Bel ons als u vragen heeft.", analyzer=analyzer)
