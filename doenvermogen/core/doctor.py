"""Does this machine have what doenvermogen needs, and does each tool actually work?

Two groups of checks, each with a plain message that says what is wrong and what to do:

- tools (no Django needed, so ``scripts/install_system_deps.sh`` runs them right after installing):
  msgfmt compiles a catalogue, Frog analyses a Dutch sentence, WeasyPrint renders a page,
  Chromium starts headless, pdftoppm runs;
- the site (``manage.py doctor``): the database answers and is migrated, the mail directory is
  writable, the task worker and the repair sweep have recently recorded a heartbeat.

Run as ``python -m doenvermogen.core.doctor [--tools] [--browser]``, or ``manage.py doctor``.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

OK, WARN, FAIL = "ok", "warning", "FAILED"

DUTCH_SENTENCE = "Mijn moeder belt morgen de gemeente."


@dataclasses.dataclass
class Result:
    name: str
    status: str
    message: str

    @property
    def failed(self) -> bool:
        return self.status == FAIL


def _run(args: list[str], timeout: int = 120, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)


def _tail(text: str, lines: int = 3) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:] if line.strip())


def check_msgfmt() -> Result:
    if not shutil.which("msgfmt"):
        return Result("msgfmt", FAIL, "msgfmt is missing: install the Debian package gettext.")
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp) / "t.po"
        po.write_text(
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "Hello"\nmsgstr "Hallo"\n',
            encoding="utf-8",
        )
        done = _run(["msgfmt", "-o", str(Path(tmp) / "t.mo"), str(po)], timeout=30)
        if done.returncode != 0 or not (Path(tmp) / "t.mo").exists():
            return Result(
                "msgfmt", FAIL, f"msgfmt cannot compile a catalogue: {_tail(done.stderr)}"
            )
    return Result("msgfmt", OK, "compiles translations")


def check_frog() -> Result:
    if not shutil.which("frog"):
        return Result(
            "frog",
            FAIL,
            "Frog is missing, so the letter checker cannot check letters: "
            "install the Debian packages frog frogdata ucto uctodata.",
        )
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "zin.txt"
        text.write_text(DUTCH_SENTENCE + "\n", encoding="utf-8")
        try:
            done = _run(["frog", "--skip=mp", "-t", str(text)], timeout=180, cwd=tmp)
        except subprocess.TimeoutExpired:
            return Result("frog", FAIL, "Frog did not finish a single sentence within 3 minutes.")
    output = done.stdout + done.stderr
    if "tokenizer" in output and "fail" in output.lower():
        return Result(
            "frog",
            FAIL,
            "Frog cannot start its tokenizer: the Debian package uctodata (Frog's tokenizer "
            "rules) is missing. Install it: apt-get install uctodata.",
        )
    if "gemeente\t" not in done.stdout or "N(soort" not in done.stdout:
        return Result(
            "frog",
            FAIL,
            f"Frog runs but did not analyse a Dutch sentence (exit {done.returncode}): "
            f"{_tail(output)}. Reinstall frog frogdata ucto uctodata.",
        )
    return Result("frog", OK, "analyses a Dutch sentence")


def check_weasyprint() -> Result:
    try:
        import weasyprint  # noqa: PLC0415 - slow import, only when checking
    except ImportError as exc:
        if "weasyprint" in str(exc).lower() and "No module named" in str(exc):
            return Result(
                "weasyprint",
                WARN,
                "WeasyPrint is not installed in this Python: run `make venv` first.",
            )
        return Result("weasyprint", FAIL, f"WeasyPrint cannot load its libraries: {exc}")
    except OSError as exc:
        return Result(
            "weasyprint",
            FAIL,
            f"WeasyPrint cannot load pango ({exc}): install libpango-1.0-0 libpangoft2-1.0-0 "
            "fonts-dejavu-core.",
        )
    try:
        pdf = weasyprint.HTML(string=f"<p>{DUTCH_SENTENCE} ĳ ë €</p>").write_pdf()
    except Exception as exc:  # noqa: BLE001 - report whatever stops rendering
        return Result("weasyprint", FAIL, f"WeasyPrint cannot render a page: {exc}")
    if not pdf or not pdf.startswith(b"%PDF"):
        return Result("weasyprint", FAIL, "WeasyPrint rendered no PDF.")
    return Result("weasyprint", OK, f"renders a page ({len(pdf)} bytes)")


def check_chromium() -> Result:
    exe = shutil.which("chromium")
    if not exe:
        return Result(
            "chromium", FAIL, "Chromium is missing, so browser tests cannot run: install chromium."
        )
    with tempfile.TemporaryDirectory() as profile:
        try:
            done = _run(
                [
                    exe,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    f"--user-data-dir={profile}",
                    "--dump-dom",
                    "data:text/html,<p id=x>doenvermogen-ok</p>",
                ],
                timeout=90,
            )
        except subprocess.TimeoutExpired:
            return Result("chromium", FAIL, "Chromium did not start headless within 90 seconds.")
    if "doenvermogen-ok" not in done.stdout:
        return Result(
            "chromium",
            FAIL,
            f"Chromium does not start headless (exit {done.returncode}): {_tail(done.stderr)}",
        )
    return Result("chromium", OK, "starts headless and renders a page")


def check_pdftoppm() -> Result:
    if not shutil.which("pdftoppm"):
        return Result("pdftoppm", FAIL, "pdftoppm is missing: install poppler-utils.")
    done = _run(["pdftoppm", "-v"], timeout=30)
    if done.returncode not in (0, 99):  # older poppler answers -v with 99
        return Result("pdftoppm", FAIL, f"pdftoppm does not run: {_tail(done.stderr)}")
    return Result("pdftoppm", OK, "runs")


def tool_checks(*, browser: bool) -> list[Callable[[], Result]]:
    """The tool checks: ``browser`` adds Chromium and pdftoppm (only the tests need them)."""
    checks = [check_msgfmt, check_frog, check_weasyprint]
    if browser:
        checks += [check_chromium, check_pdftoppm]
    return checks


def run_checks(checks: list[Callable[[], Result]], out=sys.stdout) -> list[Result]:
    results = []
    for check in checks:
        try:
            result = check()
        except Exception as exc:  # noqa: BLE001 - a broken check is itself a finding
            result = Result(check.__name__.removeprefix("check_"), FAIL, f"check crashed: {exc}")
        results.append(result)
        out.write(f"{result.status:>8}  {result.name:<12} {result.message}\n")
        out.flush()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that the installed tools work.")
    parser.add_argument("--browser", action="store_true", help="also Chromium and pdftoppm")
    parser.add_argument("--tools", action="store_true", help="tools only (the default here)")
    args = parser.parse_args(argv)
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    results = run_checks(tool_checks(browser=args.browser))
    failed = [r for r in results if r.failed]
    if failed:
        sys.stderr.write(
            "\nNot everything works: " + "; ".join(f"{r.name}: {r.message}" for r in failed) + "\n"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
