"""Input handling: read a letter from .txt, .docx or .pdf and refuse bad input politely.

Every refusal is a `LetterInputError` with a plain Dutch message (``.message``) and a stable
``.code``: ``empty``, ``too_long``, ``not_dutch``, ``unreadable``, ``unsupported_type``,
``too_large``, ``zip_bomb``, ``encrypted``, ``no_text``.

Lives here: `extract_text()`, `validate_text()`, the language guess and the zip-bomb guards.
Not here: the analysis itself.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import PurePath
from xml.etree import ElementTree

MAX_WORDS = 10_000
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DOCX_MEMBERS = 2_000
MAX_DOCX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_DOCX_RATIO = 100
MAX_PDF_PAGES = 100
#: Decompressed bytes one pdf stream may grow to, and all page contents together. A page of a
#: letter is a few kB; a "pdf bomb" (a small file that inflates to gigabytes) stops here.
MAX_PDF_STREAM_BYTES = 8 * 1024 * 1024
MAX_PDF_CONTENT_BYTES = 32 * 1024 * 1024
#: Characters of text a file may give (10,000 words are about 70,000 characters).
MAX_TEXT_CHARS = 200_000
SUPPORTED_EXTENSIONS = (".txt", ".docx", ".pdf")


class LetterInputError(ValueError):
    """Input we cannot check; `message` is plain Dutch and can be shown as is."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


_NON_SPACE = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

DUTCH_FUNCTION_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "is",
        "dat",
        "op",
        "te",
        "u",
        "uw",
        "je",
        "jij",
        "jouw",
        "wij",
        "we",
        "ons",
        "onze",
        "niet",
        "met",
        "voor",
        "zijn",
        "er",
        "aan",
        "om",
        "als",
        "of",
        "ook",
        "bij",
        "naar",
        "dan",
        "maar",
        "ze",
        "die",
        "deze",
        "dit",
        "wordt",
        "worden",
        "heeft",
        "hebben",
        "kunt",
        "kan",
        "moet",
        "moeten",
        "wil",
        "wilt",
        "zal",
        "zullen",
        "was",
        "waren",
        "geen",
        "nog",
        "wel",
        "al",
        "uit",
        "over",
        "tot",
        "door",
        "hun",
        "haar",
        "hem",
        "hij",
        "zij",
        "ik",
        "mij",
        "mijn",
        "me",
        "wat",
        "wie",
        "waar",
        "hoe",
        "omdat",
        "want",
        "dus",
        "meer",
        "veel",
        "zo",
        "nu",
        "hier",
        "daar",
        "ook",
        "graag",
        "vóór",
        "na",
        "tegen",
        "zonder",
        "tussen",
        "onder",
        "binnen",
        "alle",
        "elke",
        "iets",
        "niets",
        "iemand",
        "mogen",
        "mag",
        "kunnen",
    ]
)
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "is",
        "that",
        "for",
        "it",
        "on",
        "with",
        "as",
        "are",
        "was",
        "be",
        "by",
        "this",
        "you",
        "your",
        "we",
        "our",
        "not",
        "have",
        "has",
        "from",
        "at",
        "or",
        "will",
        "can",
        "would",
        "should",
        "they",
        "their",
        "there",
        "which",
        "what",
        "when",
        "who",
        "been",
        "were",
        "if",
        "but",
        "do",
        "does",
        "about",
        "please",
        "dear",
        "regards",
        "sincerely",
    ]
)


def dutch_ratio(text: str) -> tuple[float, float, int]:
    """Share of Dutch and of English function words among the words; and the word count."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0.0, 0
    nl = sum(w in DUTCH_FUNCTION_WORDS for w in words)
    en = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
    return nl / len(words), en / len(words), len(words)


def looks_dutch(text: str) -> bool:
    """A simple guess from function words: Dutch text has many (de, het, een, en, u, ...)."""
    nl, en, n = dutch_ratio(text)
    if n == 0:
        return False
    if n < 8:
        return nl > 0 or en == 0
    return nl >= 0.12 and nl > en


def count_words(text: str) -> int:
    return len(_NON_SPACE.findall(text))


_HTML_TAG = re.compile(
    r"<\s{0,3}/?\s{0,3}(?:html|head|body|p|br|div|span|table|tbody|thead|tr|td|th|li|ul|ol|"
    r"h[1-6]|b|i|u|strong|em|a|font|style|script|meta|title|img|hr|section|article|header|"
    r"footer|blockquote|pre|o:p)\b[^<>]{0,1000}>",
    re.IGNORECASE,
)
_HTML_DOCUMENT = re.compile(r"<!doctype\s{1,5}html|<html\b", re.IGNORECASE)
_HTML_BLOCKS = frozenset(
    [
        "p",
        "br",
        "div",
        "table",
        "tr",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "title",
    ]
)
MAX_LONG_WORD = 300


def looks_like_html(text: str) -> bool:
    """Pasted from a web page or an e-mail source: a whole HTML document, or two tags."""
    if _HTML_DOCUMENT.search(text):
        return True
    return any(n >= 1 for n, _tag in enumerate(_HTML_TAG.finditer(text)))


class _TextFromHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in _HTML_BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in _HTML_BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """The text of pasted HTML: tags removed, paragraphs and line breaks kept, entities read."""
    parser = _TextFromHtml()
    parser.feed(text)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


#: Shown with the report when pasted HTML was turned into plain text.
HTML_NOTICE = (
    "De tekst bevatte HTML-opmaak (bijvoorbeeld uit een webpagina of e-mail). We hebben de "
    "opmaak weggehaald en alleen de tekst gecontroleerd."
)


def prepare_text(text: str, max_words: int = MAX_WORDS) -> tuple[str, list[str]]:
    """`validate_text`, after turning pasted HTML into plain text; also returns the notices
    for the user (in Dutch)."""
    notices: list[str] = []
    if looks_like_html(text):
        text = html_to_text(text)
        notices.append(HTML_NOTICE)
    return validate_text(text, max_words=max_words), notices


def validate_text(text: str, max_words: int = MAX_WORDS) -> str:
    """Check that `text` is a letter we can check; return it with normalised line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise LetterInputError(
            "Er staat geen tekst in. Plak de tekst van de brief of kies een bestand.", "empty"
        )
    if not _WORD.search(text):
        raise LetterInputError(
            "Er staan geen woorden in de tekst. Plak de tekst van de brief.", "empty"
        )
    n = count_words(text)
    if n > max_words:
        raise LetterInputError(
            f"De tekst is te lang: {n:,} woorden. We kunnen brieven tot {max_words:,} woorden "
            "controleren. Controleer de brief in delen.".replace(",", "."),
            "too_long",
        )
    if any(len(w) > MAX_LONG_WORD for w in _NON_SPACE.findall(text)):
        raise LetterInputError(
            f"Er staat een 'woord' van meer dan {MAX_LONG_WORD} tekens zonder spatie in de "
            "tekst. Dat is geen tekst van een brief. Haal het weg en probeer het opnieuw.",
            "unreadable",
        )
    if not looks_dutch(text):
        raise LetterInputError(
            "Deze tekst lijkt niet Nederlands. De controle werkt alleen voor Nederlandse brieven.",
            "not_dutch",
        )
    return text


def _unreadable(kind: str = "bestand") -> LetterInputError:
    return LetterInputError(
        f"Dit {kind} kunnen we niet lezen. Misschien is het beschadigd. Sla het opnieuw op, "
        "of plak de tekst van de brief.",
        "unreadable",
    )


def _decode_txt(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _unreadable() from exc
    if b"\x00" in data:
        raise _unreadable()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise _unreadable() from exc
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if text and controls / len(text) > 0.01:
        raise _unreadable()
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _unreadable("Word-bestand") from exc
    with archive:
        members = archive.infolist()
        bomb = LetterInputError(
            "Dit Word-bestand is verdacht: het wordt bij uitpakken veel te groot. "
            "We openen het niet. Plak de tekst van de brief.",
            "zip_bomb",
        )
        if len(members) > MAX_DOCX_MEMBERS:
            raise bomb
        if sum(m.file_size for m in members) > MAX_DOCX_UNCOMPRESSED:
            raise bomb
        for m in members:
            if m.file_size > 1024 * 1024 and m.file_size > MAX_DOCX_RATIO * max(m.compress_size, 1):
                raise bomb
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError as exc:
            raise _unreadable("Word-bestand") from exc
        try:
            with archive.open(info) as fh:
                xml = fh.read(MAX_DOCX_UNCOMPRESSED + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as exc:
            raise _unreadable("Word-bestand") from exc
        if len(xml) > MAX_DOCX_UNCOMPRESSED:
            raise bomb
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise _unreadable("Word-bestand") from exc
    paragraphs: list[str] = []
    for p in root.iter(f"{_W}p"):
        parts: list[str] = []
        for el in p.iter():
            if el.tag == f"{_W}t" and el.text:
                parts.append(el.text)
            elif el.tag == f"{_W}tab":
                parts.append("\t")
            elif el.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _pdf_bomb() -> LetterInputError:
    return LetterInputError(
        "Deze pdf is verdacht: hij wordt bij uitpakken veel te groot. We openen hem niet. "
        "Plak de tekst van de brief.",
        "zip_bomb",
    )


def _pdf_limits() -> dict[str, int]:
    """pypdf's per-stream limits, set far below its defaults (75 MB)."""
    n = MAX_PDF_STREAM_BYTES
    return {
        "zlib_maximum_output_length": n,
        "lzw_maximum_output_length": n,
        "run_length_maximum_output_length": n,
        "array_based_stream_maximum_output_length": n,
        "brotli_maximum_output_length": n,
        "jbig2_maximum_output_length": n,
        "image_maximum_buffer_size": n,
        "maximum_declared_stream_length": n,
        "stream_decoding_work_maximum_length": 4 * n,
    }


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader, apply_configuration
        from pypdf.errors import LimitReachedError, PyPdfError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise _unreadable("pdf-bestand") from exc
    try:
        with apply_configuration(**_pdf_limits()):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise LetterInputError(
                    "Deze pdf is beveiligd met een wachtwoord. Sla hem op zonder wachtwoord, "
                    "of plak de tekst.",
                    "encrypted",
                )
            if len(reader.pages) > MAX_PDF_PAGES:
                raise LetterInputError(
                    f"Deze pdf heeft meer dan {MAX_PDF_PAGES} pagina's. Controleer de brief "
                    "in delen.",
                    "too_long",
                )
            pages: list[str] = []
            content_bytes = 0
            for page in reader.pages:
                contents = page.get_contents()
                content_bytes += len(contents.get_data()) if contents is not None else 0
                if content_bytes > MAX_PDF_CONTENT_BYTES:
                    raise _pdf_bomb()
                pages.append(page.extract_text() or "")
                if sum(len(p) for p in pages) > MAX_TEXT_CHARS:
                    raise LetterInputError(
                        "Deze pdf bevat veel te veel tekst voor één brief. Controleer de brief "
                        "in delen.",
                        "too_long",
                    )
    except LetterInputError:
        raise
    except LimitReachedError as exc:
        raise _pdf_bomb() from exc
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise _unreadable("pdf-bestand") from exc
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise _unreadable("pdf-bestand") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise LetterInputError(
            "In deze pdf staat geen tekst die we kunnen lezen. Misschien is het een scan. "
            "Plak de tekst van de brief.",
            "no_text",
        )
    return text


def extract_text(filename: str, data: bytes) -> str:
    """Read the text of an uploaded letter (.txt, .docx or .pdf).

    Raises `LetterInputError` for an unknown type, a file that is too large, damaged or
    binary, a zip bomb, or an encrypted pdf. Does not check the text itself: call
    `validate_text()` (or `check_letter()`, which does) for empty, too long or not Dutch.
    """
    ext = PurePath(filename or "").suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        raise LetterInputError(
            f"Dit bestand is te groot. Het mag hoogstens "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB zijn.",
            "too_large",
        )
    if ext == ".doc":
        raise LetterInputError(
            "Oude Word-bestanden (.doc) kunnen we niet lezen. Sla de brief op als .docx, of "
            "plak de tekst.",
            "unsupported_type",
        )
    if ext not in SUPPORTED_EXTENSIONS:
        raise LetterInputError(
            "Dit soort bestand kunnen we niet lezen. Kies een .txt-, .docx- of .pdf-bestand.",
            "unsupported_type",
        )
    if ext == ".txt":
        return _decode_txt(data)
    if ext == ".docx":
        return _docx_text(data)
    return _pdf_text(data)
