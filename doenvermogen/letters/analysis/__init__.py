"""Framework-free Dutch letter checker: readability (LiNT-II, Flesch-Douma), stress-sensitive
findings and EAST advice. Imports no Django, so the web app, the API, the batch command and
the tests all use it the same way.

Public API::

    from doenvermogen.letters.analysis import check_letter, extract_text, LetterInputError

    text = extract_text("brief.docx", data)      # .txt, .docx, .pdf -> str
    report = check_letter(text)                  # warm Frog by default
    report.to_dict()                             # JSON shape of issue 5

See docs/letters.md.
"""

from .analyzers import Analyzer, AnalyzerError, FrozenAnalyzer, SimpleAnalyzer, analyze_text
from .findings import CODES, SEVERITIES, Finding
from .frog import FrogAnalyzer, FrogProcess, frog_available, get_frog_analyzer
from .inputs import MAX_WORDS, LetterInputError, extract_text, prepare_text, validate_text
from .pool import PoolAnalyzer, PoolClient, PoolServer, ensure_pool
from .report import (
    LetterReport,
    PreparedLetter,
    build_report,
    check_letter,
    prepare_letter,
    report_from_output,
    warm_up,
)

__all__ = [
    "CODES",
    "MAX_WORDS",
    "SEVERITIES",
    "Analyzer",
    "AnalyzerError",
    "Finding",
    "FrogAnalyzer",
    "FrogProcess",
    "FrozenAnalyzer",
    "LetterInputError",
    "LetterReport",
    "PoolAnalyzer",
    "PoolClient",
    "PoolServer",
    "PreparedLetter",
    "SimpleAnalyzer",
    "analyze_text",
    "build_report",
    "check_letter",
    "extract_text",
    "frog_available",
    "ensure_pool",
    "get_frog_analyzer",
    "prepare_letter",
    "prepare_text",
    "report_from_output",
    "validate_text",
    "warm_up",
]
