"""Freeze Frog's output for the test texts, so most tests run fast and without Frog.

Run from the project root after changing a text (needs the Debian package ``frog``):

    .venv/bin/python tests/letters/make_fixtures.py

Writes ``tests/letters/fixtures/frog/<name>.frog.tsv``: a first line
``# segments-sha256 <hex>`` and then Frog's raw tab-separated output.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from fixture_texts import TEXTS  # noqa: E402

from doenvermogen.letters.analysis.analyzers import frog_pieces, segments_key  # noqa: E402
from doenvermogen.letters.analysis.frog import FrogAnalyzer  # noqa: E402
from doenvermogen.letters.analysis.inputs import validate_text  # noqa: E402

FROG_DIR = HERE / "fixtures" / "frog"
LETTERS_DIR = HERE / "fixtures" / "letters"


def judge_text(path: Path) -> str:
    """A judges' letter as LiNT-II's demo analysed it: `## ` heading markers stripped."""
    return re.sub(r"(?m)^## ", "", path.read_text(encoding="utf-8"))


def all_texts() -> dict[str, str]:
    texts = dict(TEXTS)
    for path in sorted(LETTERS_DIR.glob("*.txt")):
        texts[f"letter_{path.stem}"] = path.read_text(encoding="utf-8")
    for path in sorted((HERE / "fixtures" / "judges").glob("*.txt")):
        texts[f"judge_{path.stem}"] = judge_text(path)
    for item in corpus_letters():
        texts[f"corpus_{item['id']}"] = item["text"]
    # The demo's standard letter (doenvermogen/letters/demo.py): its stored figures are tested.
    for path in sorted((HERE.parent.parent / "doenvermogen" / "letters" / "data").glob("*.txt")):
        texts[f"demo_{path.stem}"] = path.read_text(encoding="utf-8")
    return texts


def corpus_letters() -> list[dict]:
    """The regression corpus of the finding codes (tests/letters/corpus/letters.yaml)."""
    import yaml

    return yaml.safe_load((HERE / "corpus" / "letters.yaml").read_text(encoding="utf-8"))


def main() -> None:
    """All texts; or, with a name prefix as argument (``corpus_``), only those, keeping the rest."""
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    FROG_DIR.mkdir(parents=True, exist_ok=True)
    for old in FROG_DIR.glob(f"{prefix}*.frog.tsv"):
        old.unlink()
    analyzer = FrogAnalyzer()
    for name, text in all_texts().items():
        if not name.startswith(prefix):
            continue
        segments = [p.text for p in frog_pieces(validate_text(text))]
        raw = analyzer.raw_output(segments)
        out = FROG_DIR / f"{name}.frog.tsv"
        out.write_text(f"# segments-sha256 {segments_key(segments)}\n{raw}", encoding="utf-8")
        print(out.relative_to(HERE))
    analyzer.process.close()


if __name__ == "__main__":
    main()
