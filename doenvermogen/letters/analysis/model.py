"""Plain data classes for analysed text: tokens and sentences with character offsets.

Lives here: `Token`, `Sentence`, `AnalyzedText` and the helpers that read CGN tags.
Not here: how the analysis is made (see `frog.py` and `analyzers.py`) or what is done with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Token:
    """One token as Frog gives it (columns of its tab-separated output), plus offsets.

    `index` is 1-based within the sentence, `head` is the index of the syntactic head
    (0 for the root, -1 when unknown). `start`/`end` are character offsets into the
    original letter text (-1 when the token could not be found there).
    """

    index: int
    word: str
    lemma: str = ""
    morph: str = ""
    tag: str = ""
    confidence: float = 1.0
    ne: str = "O"
    chunk: str = ""
    head: int = -1
    deprel: str = ""
    start: int = -1
    end: int = -1

    @property
    def pos(self) -> str:
        """The CGN part of speech, e.g. ``WW`` for ``WW(pv,tgw,ev)``."""
        return self.tag.split("(", 1)[0]

    @property
    def feats(self) -> tuple[str, ...]:
        """The CGN features, e.g. ``("pv", "tgw", "ev")`` for ``WW(pv,tgw,ev)``."""
        if "(" not in self.tag:
            return ()
        inner = self.tag.split("(", 1)[1].rstrip(")")
        return tuple(f for f in inner.split(",") if f)

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def is_punct(self) -> bool:
        return self.pos == "LET" or (
            self.tag == "" and bool(self.word) and not any(c.isalnum() for c in self.word)
        )

    @property
    def is_finite_verb(self) -> bool:
        return self.pos == "WW" and "pv" in self.feats

    @property
    def is_participle(self) -> bool:
        return self.pos == "WW" and "vd" in self.feats

    @property
    def is_noun(self) -> bool:
        return self.pos == "N"

    @property
    def is_proper_noun(self) -> bool:
        """A name: N(eigen), a SPEC(deeleigen) part, or a named entity."""
        if self.pos == "N" and "eigen" in self.feats:
            return True
        if self.pos == "SPEC" and "deeleigen" in self.feats:
            return True
        return self.ne not in ("", "O")

    @property
    def is_number(self) -> bool:
        return self.pos == "TW" or any(c.isdigit() for c in self.word)

    def with_offsets(self, start: int, end: int) -> Token:
        return replace(self, start=start, end=end)


@dataclass(slots=True)
class Sentence:
    """A sentence: its tokens and where it sits in the original text."""

    index: int
    tokens: list[Token]
    start: int = 0
    end: int = 0
    text: str = ""
    #: Part of the prose that LiNT-II scores (False for a subject line, salutation,
    #: heading, address, amount table or signature: checked for findings, not scored).
    scored: bool = True
    #: Over-long without a full stop: given to Frog in pieces and joined again.
    capped: bool = False

    @property
    def words(self) -> list[Token]:
        """Tokens that are not punctuation."""
        return [t for t in self.tokens if not t.is_punct]

    def children(self, index: int) -> list[Token]:
        return [t for t in self.tokens if t.head == index]

    def token(self, index: int) -> Token | None:
        if 1 <= index <= len(self.tokens) and self.tokens[index - 1].index == index:
            return self.tokens[index - 1]
        for t in self.tokens:
            if t.index == index:
                return t
        return None


@dataclass(slots=True)
class AnalyzedText:
    """The whole letter: the original text and its sentences."""

    text: str
    sentences: list[Sentence] = field(default_factory=list)
    analyzer: str = ""

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]

    @property
    def word_count(self) -> int:
        return sum(len(s.words) for s in self.sentences)
