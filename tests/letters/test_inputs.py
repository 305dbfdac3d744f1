"""Reading .txt, .docx and .pdf, and refusing bad input with a clear Dutch message."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from doenvermogen.letters.analysis import LetterInputError, extract_text, validate_text
from doenvermogen.letters.analysis.inputs import MAX_WORDS, looks_dutch

LETTER = "Beste meneer Jansen,\n\nU moet nog € 12 betalen. Wilt u dat vóór 1 mei doen?\n"


def make_docx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def make_pdf(lines: list[str], padding: int = 0) -> bytes:
    """A minimal one-page PDF with text in Helvetica (WinAnsi encoding).

    `padding` > 0 adds that many spaces to the content stream and compresses it with
    Flate: a "pdf bomb" that is small on disk and large when unpacked.
    """
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    stream_dict = b"<< /Length "
    if padding:
        stream = zlib.compress(stream + b" " * padding, 9)
        stream_dict = b"<< /Filter /FlateDecode /Length "
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        stream_dict + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def test_txt_utf8_and_cp1252() -> None:
    assert extract_text("brief.txt", LETTER.encode("utf-8")) == LETTER
    assert extract_text("brief.TXT", LETTER.encode("cp1252")) == LETTER
    assert extract_text("brief.txt", b"\xef\xbb\xbf" + LETTER.encode()) == LETTER


def test_docx() -> None:
    text = extract_text("brief.docx", make_docx(["Beste meneer Jansen,", "U moet betalen."]))
    assert text == "Beste meneer Jansen,\nU moet betalen."


def test_pdf() -> None:
    text = extract_text(
        "brief.pdf", make_pdf(["Beste meneer Jansen,", "U moet nog 12 euro betalen."])
    )
    assert "Beste meneer Jansen" in text and "betalen" in text


def error_code(filename: str, data: bytes) -> str:
    with pytest.raises(LetterInputError) as info:
        extract_text(filename, data)
    assert info.value.message  # a Dutch sentence for the user
    return info.value.code


def test_zip_bomb_docx_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (60 * 1024 * 1024))
    data = buf.getvalue()
    assert len(data) < 200_000  # small on disk, 60 MB unpacked
    assert error_code("bom.docx", data) == "zip_bomb"


def test_zip_bomb_by_ratio_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"a" * (5 * 1024 * 1024))
    assert error_code("bom.docx", buf.getvalue()) == "zip_bomb"


def test_too_many_members_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(2_100):
            zf.writestr(f"x/{i}", b"")
    assert error_code("veel.docx", buf.getvalue()) == "zip_bomb"


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("brief.docx", b"dit is geen zip", "unreadable"),
        ("brief.docx", b"PK\x03\x04kapot", "unreadable"),
        ("brief.pdf", b"%PDF-1.4 kapot", "unreadable"),
        ("brief.txt", b"\x00\x01\x02\x03binary\x00", "unreadable"),
        ("brief.exe", b"MZ", "unsupported_type"),
        ("brief.doc", b"\xd0\xcf\x11\xe0", "unsupported_type"),
    ],
)
def test_damaged_and_binary_files(filename: str, data: bytes, code: str) -> None:
    assert error_code(filename, data) == code


def test_docx_without_document_is_unreadable() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("iets.txt", "hallo")
    assert error_code("brief.docx", buf.getvalue()) == "unreadable"


def test_pdf_bomb_is_refused_before_it_is_unpacked() -> None:
    """A 100 MB content stream in a file of about 100 kB: refused, not unpacked."""
    data = make_pdf(["Beste meneer Jansen,"], padding=100 * 1024 * 1024)
    assert len(data) < 200_000
    assert error_code("bom.pdf", data) == "zip_bomb"


def test_compressed_pdf_of_normal_size_is_read() -> None:
    data = make_pdf(["Beste meneer Jansen,", "U moet nog 12 euro betalen."], padding=10_000)
    assert "12 euro betalen" in extract_text("brief.pdf", data)


def test_pdf_without_text() -> None:
    assert error_code("scan.pdf", make_pdf([])) == "no_text"


def test_too_large_file() -> None:
    assert error_code("groot.txt", b"a " * (6 * 1024 * 1024)) == "too_large"


@pytest.mark.parametrize("text", ["", "   \n\t ", "123 456 !!!"])
def test_empty_text(text: str) -> None:
    with pytest.raises(LetterInputError) as info:
        validate_text(text)
    assert info.value.code == "empty"


def test_too_long_text_names_the_limit() -> None:
    with pytest.raises(LetterInputError) as info:
        validate_text("de brief " * (MAX_WORDS // 2 + 10))
    assert info.value.code == "too_long"
    assert "10.000" in info.value.message


def test_not_dutch() -> None:
    english = (
        "Dear customer, we have not received your payment for the invoice of last month. "
        "Please pay the amount within fourteen days to avoid additional costs."
    )
    with pytest.raises(LetterInputError) as info:
        validate_text(english)
    assert info.value.code == "not_dutch"
    assert "Nederlands" in info.value.message


def test_dutch_is_recognised() -> None:
    assert looks_dutch(LETTER)
    assert looks_dutch("Betaal op tijd.")
    assert not looks_dutch("The quick brown fox jumps over the lazy dog and the cat.")
