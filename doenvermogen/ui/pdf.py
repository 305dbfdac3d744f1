"""The one way to make a PDF: render a template from templates/pdf/ with WeasyPrint.

WeasyPrint is imported on first use (it takes ~0.6 s), so pages that make no PDF do not pay.
"""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string


def _fetch_static(url: str, *args, **kwargs):
    from weasyprint import default_url_fetcher

    if url.startswith("static:"):
        path = finders.find(url.removeprefix("static:"))
        if path:
            return {"file_obj": open(path, "rb"), "mime_type": None}  # noqa: SIM115
    return default_url_fetcher(url, *args, **kwargs)


def render_to_pdf(template: str, context: dict) -> bytes:
    """Render ``template`` with ``context`` to PDF bytes (A4 pages are set in the template CSS)."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_fetch_static, base_url="static:").write_pdf()


def pdf_response(template: str, context: dict, filename: str, *, inline: bool = True):
    response = HttpResponse(render_to_pdf(template, context), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
