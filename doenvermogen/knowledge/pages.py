"""The knowledge base for professionals: short pages in our own words, kept as YAML data files.

Framework-free (no Django imports): ``content/<slug>.yaml`` holds one page (title, summary, tags,
sections of paragraphs or items, source keys, related slugs); ``content/_sources.yaml`` names the
sources. An organisation can add or adapt pages by adding files. Search is a plain word match,
weighted title > tags > summary > body: a few dozen pages need nothing more.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    by: str = ""
    url: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    summary: str
    tags: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = field(default=())

    @property
    def body(self) -> str:
        return " ".join(" ".join((s.heading, *s.paragraphs, *s.items)) for s in self.sections)


def _fold(text: str) -> str:
    """Lower case without accents, so 'clienten' finds 'cliënten'."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=4)
def load_pages(content_dir: Path = CONTENT_DIR) -> dict[str, Page]:
    sources_raw = yaml.safe_load((content_dir / "_sources.yaml").read_text("utf-8")) or {}
    sources = {key: Source(key=key, **value) for key, value in sources_raw.items()}
    pages: dict[str, Page] = {}
    for path in sorted(content_dir.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data = yaml.safe_load(path.read_text("utf-8"))
        missing = [key for key in data.get("sources", []) if key not in sources]
        if missing:
            raise ValueError(f"{path.name}: unknown sources {missing}")
        pages[path.stem] = Page(
            slug=path.stem,
            title=data["title"],
            summary=data["summary"],
            tags=tuple(data.get("tags", [])),
            sections=tuple(
                Section(
                    heading=s["heading"],
                    paragraphs=tuple(s.get("paragraphs", [])),
                    items=tuple(s.get("items", [])),
                )
                for s in data.get("sections", [])
            ),
            sources=tuple(sources[key] for key in data.get("sources", [])),
            related=tuple(data.get("related", [])),
        )
    for page in pages.values():
        unknown = [slug for slug in page.related if slug not in pages]
        if unknown:
            raise ValueError(f"{page.slug}: unknown related pages {unknown}")
    return pages


def page_get(slug: str) -> Page | None:
    return load_pages().get(slug)


def page_search(query: str = "") -> list[Page]:
    """All pages (in title order) or those matching every word of ``query``, best first."""
    pages = sorted(load_pages().values(), key=lambda p: p.title)
    words = [w for w in re.split(r"\W+", _fold(query)) if w]
    if not words:
        return pages
    scored = []
    for page in pages:
        fields = [
            (_fold(page.title), 4),
            (_fold(" ".join(page.tags)), 3),
            (_fold(page.summary), 2),
            (_fold(page.body), 1),
        ]
        score = 0
        for word in words:
            hits = sum(weight for text, weight in fields if word in text)
            if not hits:
                break
            score += hits
        else:
            scored.append((score, page))
    return [page for _score, page in sorted(scored, key=lambda x: (-x[0], x[1].title))]
