"""The help layout: man-page usage lines, examples that fit the terminal, help that fits however narrow."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from .session import environment
from .typer_compat import Context, HelpFormatter


class SinorusHelpFormatter(HelpFormatter):
    """Click's help layout, with an option's help under the option where beside it would split words."""

    BESIDE = 30  # the narrowest help column that reads well beside the option names

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line with required arguments bare (THEME), as man pages write them, not typer's {THEME}."""
        super().write_usage(prog, re.sub(r"\{([A-Z_]+)\}", r"\1", args), prefix)

    def write_text(self, text: str) -> None:
        """Paragraphs as click wraps them; an example command too long for the terminal is continued
        with ` \\` between shell words, and its note in parentheses goes on a line of its own."""
        start = len(self.buffer)
        super().write_text(text)
        written = "".join(self.buffer[start:])
        del self.buffer[start:]
        self.write("\n".join(_fit_example(line, self.width) for line in written.split("\n")))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        names = min(max((len(name) for name, _ in rows), default=0), col_max) + col_spacing
        if self.width - self.current_indent - names >= self.BESIDE:
            super().write_dl(rows, col_max, col_spacing)
            return

        for name, text in rows:
            self.write(f"{'':>{self.current_indent}}{name}\n")
            indent = " " * (self.current_indent + 4)
            for line in textwrap.wrap(text, self.width - len(indent), break_long_words=False, break_on_hyphens=False):
                self.write(f"{indent}{line}\n")


def _fit_example(line: str, width: int) -> str:
    """`line` itself when it fits or is not an example command; else the command broken between shell
    words (never inside quotes) with ` \\` continuations, then its parenthesised note wrapped below it."""
    example = re.match(r"( +)(\S.*?)(?: {2,}(\(.*\)))?$", line)
    if len(line) <= width or not example or "sinorus" not in example[2]:
        return line
    indent, command, note = example[1], example[2], example[3]
    if command.startswith("("):  # a note on a line of its own, under its command: wrapped, never continued
        return "\n".join(textwrap.wrap(command, width, initial_indent=indent, subsequent_indent=indent))
    words = re.findall(r"(?:'[^']*'|\"[^\"]*\"|\S)+", command)
    lines = [indent + words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) + 2 > width:  # room for the word and the ` \` after it
            lines[-1] += " \\"
            lines.append(f"{indent}    {word}")
        else:
            lines[-1] += f" {word}"
    if note:
        aside = indent + "  "  # set in from the command, so it does not read as one
        lines += textwrap.wrap(note, width, initial_indent=aside, subsequent_indent=aside, break_long_words=False)
    return "\n".join(lines)


class SinorusContext(Context):
    """A context whose help fits the terminal however narrow (click stops shrinking it at 50 columns)."""

    def make_formatter(self) -> HelpFormatter:
        env = environment(self)
        widest = self.max_content_width or 80
        return SinorusHelpFormatter(width=max(min(env.columns, widest) - 2, 20), max_width=widest)
