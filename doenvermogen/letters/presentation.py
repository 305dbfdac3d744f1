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
    start: int = 0


@dataclass
class Block:
    """A sentence (coloured by its own LiNT-II level) or the text between sentences."""

    pieces: list[Piece]
    level: int | None = None
    scored: bool = False


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
            pieces.append(Piece(text[pos:start], start=pos))
        pieces.append(Piece(text[start:end], number, code, start=start))
        pos = end
    if pos < len(text):
        pieces.append(Piece(text[pos:], start=pos))
    return pieces


def sentence_blocks(report: LetterReport, pieces: list[Piece]) -> list[Block]:
    """The marked-up pieces grouped per sentence, so each sentence can be coloured by its own
    LiNT-II level. A plain piece that crosses a sentence border is cut there; a mark stays
    whole in the sentence where it starts."""
    bounds = sorted(
        (s.start, s.end, s.lint_level, s.scored)
        for s in report.readability.sentences
        if s.end > s.start
    )
    cut: list[Piece] = []
    edges = sorted({b for start, end, _l, _s in bounds for b in (start, end)})
    for piece in pieces:
        if piece.finding_number:
            cut.append(piece)
            continue
        begin, end = piece.start, piece.start + len(piece.text)
        inner = [e for e in edges if begin < e < end]
        for a, b in zip([begin, *inner], [*inner, end], strict=True):
            cut.append(Piece(piece.text[a - begin : b - begin], start=a))
    blocks: list[Block] = []
    i = 0
    for start, end, level, scored in bounds:
        between = []
        while i < len(cut) and cut[i].start < start:
            between.append(cut[i])
            i += 1
        if between:
            blocks.append(Block(between))
        inside = []
        while i < len(cut) and cut[i].start < end:
            inside.append(cut[i])
            i += 1
        if inside:
            blocks.append(Block(inside, level=level if scored else None, scored=scored))
    if i < len(cut):
        blocks.append(Block(cut[i:]))
    return blocks


def lint_level_text(level: int | None) -> str:
    return {
        1: "Niveau 1: makkelijk",
        2: "Niveau 2: redelijk makkelijk",
        3: "Niveau 3: moeilijk",
        4: "Niveau 4: heel moeilijk",
    }.get(level or 0, "Niveau onbekend")
