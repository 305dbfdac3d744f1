"""Turn a LetterReport into what the page shows: the text cut into plain and highlighted pieces."""

from __future__ import annotations

from dataclasses import dataclass

from doenvermogen.letters.analysis import LetterReport

CODE_LABELS = {
    "officialese": "Ambtelijke taal",
    "difficult_word": "Moeilijk woord",
    "long_sentence": "Lange zin",
    "passive": "Lijdende vorm",
    "subordinate_clauses": "Veel bijzinnen",
    "threat_without_way_out": "Dreiging zonder uitweg",
    "negative_framing": "Negatief geformuleerd",
    "missing_deadline": "Geen datum",
    "missing_contact": "Geen contactpersoon",
    "missing_sender_name": "Geen naam van afzender",
    "inconsistent_address": "U en je door elkaar",
    "shouting": "Schreeuwen",
}


@dataclass
class Piece:
    text: str
    finding_number: int | None = None
    code: str = ""


def numbered_findings(report: LetterReport) -> list[dict]:
    """Findings in text order, numbered from 1, with a Dutch label for the code."""
    ordered = sorted(
        report.findings,
        key=lambda f: (f.start is None, f.start or 0, f.end or 0, f.code),
    )
    return [
        {
            "number": n,
            "finding": f,
            "label": CODE_LABELS.get(f.code, f.code),
            "quote": report.text[f.start : f.end] if f.start is not None and f.end else "",
        }
        for n, f in enumerate(ordered, start=1)
    ]


def highlighted_pieces(text: str, findings: list[dict]) -> list[Piece]:
    """The text as pieces; word-level findings are marked (overlaps: the first one wins).

    Findings that span a whole sentence (long sentences) are not marked inline, so that the
    marks stay readable; they are listed beside the letter with a quote.
    """
    spans = []
    for item in findings:
        f = item["finding"]
        if f.start is None or f.end is None or f.end <= f.start:
            continue
        if f.code in {"long_sentence", "subordinate_clauses"}:
            continue
        spans.append((f.start, f.end, item["number"], f.code))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    pieces: list[Piece] = []
    pos = 0
    for start, end, number, code in spans:
        if start < pos:
            continue
        if start > pos:
            pieces.append(Piece(text[pos:start]))
        pieces.append(Piece(text[start:end], number, code))
        pos = end
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return pieces


def lint_level_text(level: int | None) -> str:
    return {
        1: "Niveau 1: makkelijk",
        2: "Niveau 2: redelijk makkelijk",
        3: "Niveau 3: moeilijk",
        4: "Niveau 4: heel moeilijk",
    }.get(level or 0, "Niveau onbekend")
