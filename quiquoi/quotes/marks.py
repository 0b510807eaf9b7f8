"""Quote-mark scanning over raw text (no NLP).

Finds the top-level quotations of a text: guillemets « », curly “ ” and ‹ ›
(nesting allowed), plain ASCII double quotes (paired from their context),
French multi-paragraph quotations (every continuing paragraph reopens with
the mark, only the last one closes) and a few malformed marks seen in real
copy (a closing guillemet glued where the opening one should be:
``d»'opérations conjointes»``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# characters after which a symmetric mark is an opening one
_OPEN_BEFORE = set("([{—–-:/\u00a0\u202f\u2009 \t\n\r")
# characters after which a symmetric mark is a closing one
_CLOSE_AFTER = set(",.;:!?)]}…»”›\u00a0\u202f\u2009 \t\n\r—–")


@dataclass
class MarkSpan:
    """A top-level quotation found in the text."""

    open_pos: int              # index of the opening mark
    close_pos: int | None      # index of the closing mark (None: not closed)
    start: int                 # quoted text, marks and edge spaces excluded
    end: int
    opener: str
    closed: bool = True
    malformed: bool = False    # opened by a misplaced closing mark
    continuations: list[int] = field(default_factory=list)  # reopening marks
    nested: list[tuple[int, int]] = field(default_factory=list)

    @property
    def outer_end(self) -> int:
        """Index just after the closing mark (or the quoted text if unclosed)."""
        return self.close_pos + 1 if self.close_pos is not None else self.end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: blocks separated by blank lines, or by single line breaks
    when the text has no blank line at all."""
    if re.search(r"\n[ \t\u00a0]*\n", text):
        sep = re.compile(r"\n[ \t\u00a0]*\n\s*")
    else:
        sep = re.compile(r"\n\s*")
    spans, pos = [], 0
    for m in sep.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


class MarkScanner:
    def __init__(self, pairs, symmetric, strip_chars, inner_symmetric=()):
        self.open_to_close = {o: c for o, c in pairs}
        self.close_to_open = {c: o for o, c in pairs}
        self.symmetric = set(symmetric)
        self.inner_symmetric = set(inner_symmetric) - self.symmetric
        self.strip_chars = strip_chars
        # the characters the scan acts on: every other character is skipped in one regex search
        outer = set(self.open_to_close) | set(self.close_to_open) | self.symmetric
        self._next_outer = re.compile(self._char_class(outer))
        self._next_any = re.compile(self._char_class(outer | self.inner_symmetric))

    @staticmethod
    def _char_class(chars) -> str:
        chars = sorted(c for c in chars if len(c) == 1)   # a longer mark never equals one character
        return "[" + "".join(re.escape(c) for c in chars) + "]" if chars else r"(?!x)x"

    # -- helpers -----------------------------------------------------------
    def _trim(self, text: str, a: int, b: int) -> tuple[int, int]:
        while a < b and text[a] in self.strip_chars:
            a += 1
        while b > a and text[b - 1] in self.strip_chars:
            b -= 1
        return a, b

    def _is_opener_char(self, ch: str, kind: str) -> bool:
        return ch == kind

    # -- main --------------------------------------------------------------
    def scan(self, text: str) -> list[MarkSpan]:
        out: list[MarkSpan] = []
        stack: list[dict] = []   # {"mark", "pos", "malformed"}
        outer: dict | None = None  # bookkeeping for the bottom of the stack

        def finish(close_pos: int | None, end_limit: int | None = None):
            nonlocal outer
            bottom = stack[0]
            a = bottom["pos"] + 1
            b = close_pos if close_pos is not None else end_limit
            a, b = self._trim(text, a, b)
            if b > a:
                out.append(MarkSpan(
                    open_pos=bottom["pos"], close_pos=close_pos, start=a, end=b,
                    opener=bottom["mark"], closed=close_pos is not None,
                    malformed=bottom["malformed"],
                    continuations=list(bottom["cont"]),
                    nested=list(bottom["nested"]),
                ))
            stack.clear()

        for ps, pe in paragraph_spans(text):
            i = ps
            if stack:
                first = text[ps]
                kind = stack[0]["mark"]
                if first == kind:
                    # French multi-paragraph quotation: the mark reopens it
                    stack[0]["cont"].append(ps)
                    del stack[1:]
                    i = ps + 1
                else:
                    finish(None, end_limit=stack[0]["para_end"])
            while i < pe:
                # inner marks only count inside a quotation: outside one, skip to an outer mark
                nxt_mark = (self._next_any if stack else self._next_outer).search(text, i, pe)
                if nxt_mark is None:
                    break
                i = nxt_mark.start()
                ch = text[i]
                if ch in self.open_to_close:
                    stack.append({"mark": ch, "pos": i, "malformed": False,
                                  "cont": [], "nested": [], "para_end": pe})
                elif ch in self.close_to_open:
                    want = self.close_to_open[ch]
                    depth = next((k for k in range(len(stack) - 1, -1, -1)
                                  if stack[k]["mark"] == want), None)
                    if depth is not None:
                        if depth == 0:
                            finish(i)
                        else:
                            stack[0]["nested"].append((stack[depth]["pos"], i + 1))
                            del stack[depth:]
                    else:
                        prev = text[i - 1] if i > ps else " "
                        nxt = text[i + 1] if i + 1 < pe else " "
                        if (prev.isalpha() or prev in "'’") and (nxt.isalpha() or nxt in "'’"):
                            # misplaced: "d»'opérations conjointes»"
                            stack.append({"mark": want, "pos": i, "malformed": True,
                                          "cont": [], "nested": [], "para_end": pe})
                        # otherwise a stray closing mark: ignored
                elif ch in self.inner_symmetric and stack:
                    # an apostrophe quoting inside a quotation: "... de demander 'avec qui ?'"
                    prev = text[i - 1] if i > ps else " "
                    nxt = text[i + 1] if i + 1 < pe else " "
                    depth = next((k for k in range(len(stack) - 1, 0, -1)
                                  if stack[k]["mark"] == ch), None)
                    if depth is not None and prev not in " \t\n\r" and (
                            nxt in _CLOSE_AFTER or nxt in self.close_to_open or nxt in self.symmetric):
                        stack[0]["nested"].append((stack[depth]["pos"], i + 1))
                        del stack[depth:]
                    elif depth is None and prev in " (\u00a0\u202f" and nxt.isalpha():
                        stack.append({"mark": ch, "pos": i, "malformed": False,
                                      "cont": [], "nested": [], "para_end": pe})
                elif ch in self.symmetric:
                    prev = text[i - 1] if i > ps else " "
                    nxt = text[i + 1] if i + 1 < pe else " "
                    depth = next((k for k in range(len(stack) - 1, -1, -1)
                                  if stack[k]["mark"] == ch), None)
                    open_ctx = prev in _OPEN_BEFORE and nxt not in " \t\n\r"
                    close_ctx = prev not in " \t\n\r" and (nxt in _CLOSE_AFTER or nxt in "\"")
                    if depth is not None:
                        # a symmetric mark toggles: it closes the open one
                        if depth == 0:
                            finish(i)
                        else:
                            stack[0]["nested"].append((stack[depth]["pos"], i + 1))
                            del stack[depth:]
                    elif close_ctx and not open_ctx:
                        pass  # stray closing mark (inches, typo)
                    else:
                        stack.append({"mark": ch, "pos": i, "malformed": False,
                                      "cont": [], "nested": [], "para_end": pe})
                i += 1
            if stack:
                stack[0]["para_end"] = pe
        if stack:
            finish(None, end_limit=stack[0]["para_end"])
        out.sort(key=lambda m: m.open_pos)
        return out
