"""The code blocks of the hand-written docs (README.md, docs/*.md) and the "illustrative" marker.

Convention (documented in docs/docs-that-run.md): a ``sh`` or ``python`` block whose opening
fence directly follows ``<!-- illustrative: REASON -->`` is not run; every other such block is
run by tests/docs/test_docs_run.py against a loopback sandbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"sh": "sh", "bash": "sh", "shell": "sh", "python": "python", "py": "python"}
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
MARKER = re.compile(r"^<!-- illustrative: (?P<reason>\S.*\S) -->$")
COMMENT = re.compile(r"^<!--.*-->$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    language: str  # "sh" or "python"
    code: str
    comment: str | None  # the HTML comment on the line before the fence, if any

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def illustrative_reason(self) -> str | None:
        match = MARKER.match(self.comment or "")
        return match["reason"] if match else None


def doc_files() -> list[Path]:
    """README.md and the hand-written pages of the site (generated pages are built from these
    and from the code, and carry no code blocks of their own apart from the README's)."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(path: Path) -> list[Block]:
    """The ``sh`` and ``python`` blocks of one Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[Block] = []
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        start, fence, indent = index, match["fence"], len(match["indent"])
        language = LANGUAGES.get(match["info"].strip().split(" ")[0].lower()) if match["info"].strip() else None
        index += 1
        body: list[str] = []
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index][indent:])
            index += 1
        index += 1  # the closing fence
        if language is None:
            continue
        before = lines[start - 1].strip() if start > 0 else ""
        comment = before if COMMENT.match(before) else None
        out.append(Block(path, start + 1, language, "\n".join(body) + "\n", comment))
    return out


def all_blocks() -> list[Block]:
    return [block for path in doc_files() for block in blocks(path)]
