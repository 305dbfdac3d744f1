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
from .inputs import MAX_WORDS, LetterInputError, extract_text, validate_text
from .report import LetterReport, build_report, check_letter, warm_up

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
    "SimpleAnalyzer",
    "analyze_text",
    "build_report",
    "check_letter",
    "extract_text",
    "frog_available",
    "get_frog_analyzer",
    "validate_text",
    "warm_up",
]
