"""One output style for every command that writes a document: `--format KIND --output FILE`.

`-` or no --output means stdout; without --format the kind is read off the
file's extension. Files are replaced atomically, so a reader never sees half
a report; a device, a named pipe or a link is written through, never replaced.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..cli.session import Session
from ..errors import UsageError
from ..filesystem import atomic_write, write_through

OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (- or none: stdout). Its extension gives the format when --format is not given.",
        show_default=False,
    ),
]


def format_option(kinds: str, default: str = "") -> Any:
    """The --format option of a document-writing command; `kinds` lists them for the help."""
    fallback = f", else {default}" if default else ""
    return typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        metavar="KIND",
        help=f"{kinds}. Default: from the --output extension{fallback}.",
        show_default=False,
    )


# Extensions that name a kind other than by its own name.
EXTENSION_ALIASES = {"htm": "html", "markdown": "md", "gv": "dot", "xml": "graphml"}

Kind = TypeVar("Kind", bound=StrEnum)


def chosen_kind(kinds: type[Kind], fmt: Kind | None, output: str | None, default: Kind | None = None) -> Kind:
    """--format if given, else the kind the output file's extension names, else (no extension) `default`.

    An extension that names no kind is an error rather than a guess, so `-o graph.png` never holds GraphML.
    """
    if fmt is not None:
        return fmt
    names = ", ".join(k.value for k in kinds)
    extension = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    if extension:
        value = EXTENSION_ALIASES.get(extension, extension)
        if value not in {k.value for k in kinds}:
            raise UsageError(f"cannot tell the format from '{output}': give --format ({names})")
        return kinds(value)
    if default is None:
        raise UsageError(f"give --format ({names}) or an --output file with one of those extensions")
    return default


def deliver(s: Session, output: str | None, data: str | bytes, summary: str = "") -> None:
    """Write a finished document to `output`, or to stdout for `-` or None; a note on stderr says where."""
    if output in (None, "-"):
        if isinstance(data, bytes) and s.env.is_terminal:
            raise UsageError("this format is binary: give --output FILE or redirect stdout to a file")
        s.write(data)
        return

    path = Path(output)
    if not path.parent.is_dir():
        raise UsageError(f"cannot write {output}: no folder {path.parent}")
    if path.is_dir():
        raise UsageError(f"cannot write {output}: it is a folder")
    if path.is_symlink() or (path.exists() and not path.is_file()):  # /dev/null, /dev/stdout, a FIFO, a link
        write_through(path, data)
    else:
        atomic_write(path, data)
    s.note(f"wrote {output}" + (f": {summary}" if summary else ""))
