"""The ``doenvermogen-letters`` batch command: check many letters at once, without Django.

    doenvermogen-letters check FILE... [--format json|csv|html] [--output F]

JSON prints one array with one object per file (the shape of issue 5); CSV one row per
finding; HTML a standalone report. A file that cannot be checked gets an ``error`` field and
the batch goes on; the exit code is non-zero only when no file could be checked.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from doenvermogen.letters.analysis import (
    Analyzer,
    AnalyzerError,
    FrozenAnalyzer,
    LetterInputError,
    SimpleAnalyzer,
    check_letter,
    extract_text,
    get_frog_analyzer,
)
from doenvermogen.letters.analysis.report import SCORE_NOTE

CSV_COLUMNS = (
    "file",
    "lint_score",
    "lint_level",
    "code",
    "severity",
    "sentence_index",
    "start",
    "end",
    "message",
    "suggestion",
    "error",
)


def check_file(path: Path, analyzer: Analyzer) -> dict[str, Any]:
    """Check one file; return the report as a dict, or a dict with an ``error``."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError:
        return {"file": name, "error": "Dit bestand kunnen we niet openen.", "error_code": "io"}
    try:
        text = extract_text(path.name, data)
        report = check_letter(text, analyzer=analyzer, file=name)
    except LetterInputError as exc:
        return {"file": name, "error": exc.message, "error_code": exc.code}
    except AnalyzerError as exc:
        return {
            "file": name,
            "error": "De taalanalyse (Frog) werkt nu niet. Probeer het later opnieuw.",
            "error_code": "analyzer",
            "detail": str(exc),
        }
    out = report.to_dict()
    out["_text"] = report.text
    return out


def _public(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if not k.startswith("_")}


def render_json(results: list[dict[str, Any]]) -> str:
    return json.dumps([_public(r) for r in results], ensure_ascii=False, indent=2) + "\n"


def render_csv(results: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in results:
        base = {"file": r["file"]}
        if "error" in r:
            writer.writerow({**base, "error": r["error"]})
            continue
        base["lint_score"] = r["readability"]["lint_score"]
        base["lint_level"] = r["readability"]["lint_level"]
        if not r["findings"]:
            writer.writerow(base)
        for f in r["findings"]:
            writer.writerow({**base, **{k: f[k] for k in CSV_COLUMNS if k in f}})
    return buf.getvalue()


_PART_NAMES = {
    "easy": "Makkelijk",
    "attractive": "Aantrekkelijk",
    "social": "Sociaal",
    "timely": "Tijdig",
}


def _highlight(text: str, findings: list[dict[str, Any]]) -> str:
    spans = sorted(
        (f["start"], f["end"], i)
        for i, f in enumerate(findings)
        if f["start"] is not None and f["end"] is not None
    )
    out: list[str] = []
    pos = 0
    for start, end, i in spans:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        title = html.escape(findings[i]["message"])
        out.append(
            f'<mark class="{findings[i]["severity"]}" title="{title}">'
            f"{html.escape(text[start:end])}<sup>{i + 1}</sup></mark>"
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render_html(results: list[dict[str, Any]]) -> str:
    parts = [
        "<!doctype html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Briefcontrole</title>",
        "<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem;"
        "line-height:1.5}pre{white-space:pre-wrap;font-family:inherit;background:#f6f6f6;"
        "padding:1rem}mark.problem{background:#ffd7a8}mark.warning{background:#fff1a8}"
        "mark.hint{background:#e3f0ff}section{border-top:1px solid #ccc;margin-top:2rem}</style>",
        "</head><body><main><h1>Briefcontrole</h1>",
        f"<p>{html.escape(SCORE_NOTE)}</p>",
    ]
    for r in results:
        parts.append(f"<section><h2>{html.escape(r['file'])}</h2>")
        if "error" in r:
            parts.append(f"<p>{html.escape(r['error'])}</p></section>")
            continue
        rd = r["readability"]
        parts.append(
            f"<p>{r['words']} woorden, {r['sentences']} zinnen. LiNT-II: "
            f"{rd['lint_score']} (niveau {rd['lint_level']}). Flesch-Douma: "
            f"{rd['flesch_douma']}.</p>"
        )
        parts.append(f"<pre>{_highlight(r.get('_text', ''), r['findings'])}</pre>")
        parts.append("<h3>Bevindingen</h3><ol>")
        for f in r["findings"]:
            suggestion = f" <em>{html.escape(f['suggestion'])}</em>" if f["suggestion"] else ""
            parts.append(f"<li>{html.escape(f['message'])}{suggestion}</li>")
        parts.append("</ol><h3>EAST</h3><dl>")
        for key, name in _PART_NAMES.items():
            part = r["east"][key]
            state = "in orde" if part["ok"] else "kan beter"
            parts.append(f"<dt>{name}: {state}</dt>")
            for advice in part["advice"]:
                parts.append(f"<dd>{html.escape(advice)}</dd>")
        parts.append("</dl></section>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


RENDERERS = {"json": render_json, "csv": render_csv, "html": render_html}


def _analyzer(args: argparse.Namespace) -> Analyzer:
    if args.frozen:
        return FrozenAnalyzer(args.frozen, fallback=SimpleAnalyzer())
    if args.analyzer == "simple":
        return SimpleAnalyzer()
    return get_frog_analyzer()


LETTER_SUFFIXES = (".txt", ".docx", ".pdf")


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for the letters in it (.txt, .docx, .pdf), sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES
                )
            )
        else:
            out.append(path)
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doenvermogen-letters",
        description="Controleer Nederlandse brieven op leesbaarheid (B1) en stress-sensitiviteit.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check", help="controleer een of meer brieven (.txt, .docx, .pdf) of mappen met brieven"
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE_OF_MAP")
    check.add_argument("--format", choices=sorted(RENDERERS), default="json")
    check.add_argument("--output", "-o", type=Path, help="schrijf naar dit bestand")
    check.add_argument(
        "--analyzer",
        choices=("frog", "simple"),
        default="frog",
        help="taalanalyse: frog (standaard) of simple (zonder Frog, minder precies)",
    )
    check.add_argument("--frozen", type=Path, help=argparse.SUPPRESS)
    check.add_argument("--no-progress", action="store_true", help="geen voortgangsbalk")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``doenvermogen-letters`` console script."""
    from tqdm import tqdm

    args = build_parser().parse_args(argv)
    analyzer = _analyzer(args)
    results: list[dict[str, Any]] = []
    files = expand_paths(args.files)
    if not files:
        print("Geen brieven gevonden (.txt, .docx of .pdf).", file=sys.stderr)
        return 1
    for path in tqdm(
        files,
        desc="Brieven",
        unit="brief",
        file=sys.stderr,
        disable=True if args.no_progress else None,
    ):
        results.append(check_file(path, analyzer))
    rendered = RENDERERS[args.format](results)
    if args.output:
        args.output.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    checked = sum(1 for r in results if "error" not in r)
    if checked == 0:
        print("Geen enkele brief kon worden gecontroleerd.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
