"""The doenvermogen-letters batch command (run in-process with frozen Frog output)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from doenvermogen.letters import cli
from tests.letters.conftest import FROG_DIR, LETTERS_DIR

KEYS = {"file", "words", "sentences", "readability", "findings", "east", "notices"}


@pytest.fixture()
def letters(tmp_path: Path) -> list[Path]:
    paths = []
    for name in ("01_belasting_harsh.txt", "01_belasting_calm.txt"):
        target = tmp_path / name
        shutil.copy(LETTERS_DIR / name, target)
        paths.append(target)
    return paths


def run(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = cli.main(["check", "--frozen", str(FROG_DIR), "--no-progress", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_one_array_in_the_issue_shape(letters, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run([str(p) for p in letters], capsys)
    assert code == 0
    data = json.loads(out)
    assert [Path(d["file"]).name for d in data] == [p.name for p in letters]
    for item in data:
        assert set(item) == KEYS
        assert set(item["readability"]) == {
            "lint_score",
            "lint_level",
            "features",
            "flesch_douma",
            "not_scored",
        }
        assert set(item["east"]) == {"easy", "attractive", "social", "timely"}
        for part in item["east"].values():
            assert set(part) == {"ok", "advice"}
        for finding in item["findings"]:
            assert set(finding) == {
                "code",
                "severity",
                "message",
                "suggestion",
                "sentence_index",
                "start",
                "end",
            }
    assert data[0]["readability"]["lint_score"] > data[1]["readability"]["lint_score"]


def test_bad_files_do_not_stop_the_batch(letters, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    english = tmp_path / "english.txt"
    english.write_text("Dear customer, please pay the invoice within fourteen days. Thank you.")
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    missing = tmp_path / "bestaat-niet.txt"
    code, out, _ = run([str(english), str(letters[0]), str(broken), str(missing)], capsys)
    assert code == 0
    data = json.loads(out)
    assert [d.get("error_code") for d in data] == ["not_dutch", None, "unreadable", "io"]
    assert "Nederlands" in data[0]["error"]


def test_exit_code_when_nothing_could_be_checked(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "leeg.txt"
    empty.write_text("")
    code, out, err = run([str(empty)], capsys)
    assert code == 1
    assert json.loads(out)[0]["error_code"] == "empty"
    assert "Geen enkele brief" in err


def test_csv_one_row_per_finding(letters, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["--format", "csv", str(letters[0])], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) > 5
    assert {"threat_without_way_out", "officialese"} <= {r["code"] for r in rows}
    assert all(r["lint_level"] for r in rows)


def test_html_report_to_file(letters, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rapport.html"
    code, out, _ = run(["--format", "html", "--output", str(target), *map(str, letters)], capsys)
    assert code == 0 and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<html lang="nl">' in page
    assert "<mark" in page and "Makkelijk" in page and "<main>" in page


def test_simple_analyzer_works_without_frog(letters, capsys) -> None:  # type: ignore[no-untyped-def]
    code = cli.main(["check", "--analyzer", "simple", "--no-progress", str(letters[1])])
    out, _ = capsys.readouterr()
    assert code == 0
    assert json.loads(out)[0]["words"] > 50


def test_warm_up_with_simple_analyzer() -> None:
    from doenvermogen.letters.analysis import SimpleAnalyzer, warm_up

    warm_up(SimpleAnalyzer())


def test_console_script_is_declared() -> None:
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert 'doenvermogen-letters = "doenvermogen.letters.cli:main"' in text


def test_a_folder_stands_for_the_letters_in_it(letters, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.md").write_text("geen brief", encoding="utf-8")
    code, out, _ = run([str(tmp_path)], capsys)
    assert code == 0
    names = [Path(d["file"]).name for d in json.loads(out)]
    assert names == sorted(p.name for p in letters)


def test_an_empty_folder_says_so(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "leeg"
    empty.mkdir()
    code, _, err = run([str(empty)], capsys)
    assert code == 1 and "Geen brieven gevonden" in err
