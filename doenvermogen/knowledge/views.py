"""The knowledge base's two pages: the searchable list and one page. No client data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from doenvermogen.knowledge.pages import load_pages, page_get, page_search
from doenvermogen.ui.decorators import staff_required


@login_required
@staff_required
def index(request):
    query = request.GET.get("q", "")[:200]
    return render(
        request,
        "knowledge/index.html",
        {"pages": page_search(query), "query": query, "total": len(load_pages())},
    )


@login_required
@staff_required
def page(request, slug: str):
    found = page_get(slug)
    if found is None:
        raise Http404("No such page")
    related = [p for p in (page_get(s) for s in found.related) if p is not None]
    return render(request, "knowledge/page.html", {"page": found, "related": related})
