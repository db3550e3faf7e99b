"""A line of text cut to a length at a word's end, with an ellipsis: one rule for claims and titles."""

from __future__ import annotations

ELLIPSIS = "…"
MIN_KEPT = 0.5  # a cut keeps at least this share of the limit; text without a space that late is cut at a character
# Words a cut line cannot end with: they need what was cut ("in which", "of the").
OPEN_ENDINGS = frozenset(
    """which that who whom whose where when the a an of in on at to for from with by and or but as than
    its their his her our this these those if""".split()  # noqa: SIM905 (a word list reads best as words)
)


def cut_at_word(text: str, max_chars: int) -> str:
    """`text`, or as much of it as fits in `max_chars` with the ellipsis, ending at a word (never empty).

    The cut backs off a word that needs what follows ("of the…") and out of a name it would split
    ("Ambassador Qin…" of "Ambassador Qin Gang"), as long as it keeps MIN_KEPT of the limit.
    """
    if len(text) <= max_chars:
        return text
    room = text[: max(0, max_chars - 1)]  # a character is kept for the ellipsis
    space = room.rfind(" ")
    if space >= MIN_KEPT * max_chars:  # Chinese and Japanese, with no spaces, are cut at a character
        room = _backed_off(room[:space], text[space + 1 :], max_chars)
    room = room.rstrip(" ,;:-–—.…")
    return (room + ELLIPSIS) if room else ELLIPSIS


def _backed_off(kept: str, rest: str, max_chars: int) -> str:
    """`kept` without the words at its end that the cut leaves hanging: open endings, a split name."""
    next_word = rest.split(None, 1)[0] if rest.strip() else ""
    while True:
        head, _, last = kept.rpartition(" ")
        hanging = last.lower() in OPEN_ENDINGS or (_capitalised(last) and _capitalised(next_word))
        if not head or not hanging or len(head) < MIN_KEPT * max_chars:
            return kept
        kept, next_word = head, last


def _capitalised(word: str) -> bool:
    letters = "".join(c for c in word if c.isalpha())
    return word[:1].isupper() and len(letters) == len(word.rstrip(",;:.!?)”’\"'"))
