"""Untrusted text made visible: the characters a terminal would act on, or hide, shown as escapes.

Article text and file names come from the open web and from other people's folders. Every character
that is not printable text is shown as a visible escape: C0 and C1 controls (escape sequences
included), bidirectional overrides and isolates that could reorder what a reader sees, zero-width and
other format characters that hide text, line and paragraph separators, and the byte-order mark.
Newlines and tabs are kept. It sits at the bottom of the package because the one-line error and note
(env.py) need it as much as every table and file written (output/).
"""

from __future__ import annotations

import re

# Patterns are kept as strings and compiled by `re` on first use (it caches them): most runs never
# meet a character that needs escaping, and compiling these classes costs more than the rest of start-up's
# text handling.
# Every format character (Unicode category Cf: zero-width spaces and joiners, bidi marks,
# embeddings, overrides and isolates, U+FEFF, invisible operators, tags), C0 and C1 controls
# except tab and newline, the line and paragraph separators, lone surrogates, and the noncharacters
# (U+FDD0..U+FDEF and the last two code points of every plane), which HTML forbids and XML refuses.
_UNSAFE = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)


def hex_escape(match: re.Match[str]) -> str:
    """The matched character as \\xNN, \\uNNNN or \\UNNNNNNNN."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """Text safe for a terminal: every control, format, bidi or separator character shown as \\xNN or \\uNNNN.

    Newlines and tabs are kept; everything else is unchanged.
    """
    if text.isprintable():
        return text  # the common case, decided in C (isprintable is False for all the characters above)
    return re.sub(_UNSAFE, hex_escape, text)


# What XML 1.0 can carry (its `Char` production): tab, line feed, carriage return and every code point
# from U+0020 up, less the surrogates and U+FFFE/U+FFFF. Anything else makes a whole file unreadable to
# every conforming parser, so it is replaced, not escaped: XML has no escape for these characters.
_XML_FORBIDDEN = "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
XML_REPLACEMENT = "\ufffd"


def xml_text(text: str) -> str:
    """Text an XML 1.0 file can hold: each character XML forbids becomes U+FFFD, the rest is unchanged."""
    if text.isprintable():
        return text  # decided in C: every forbidden character is non-printable
    return re.sub(_XML_FORBIDDEN, XML_REPLACEMENT, text)
