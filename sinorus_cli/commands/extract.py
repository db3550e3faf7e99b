"""`sinorus extract FILE|-`: propose theses for an article without adding it to a corpus."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import FormatOption
from ..cli.session import session
from ..errors import NoMatch
from ..present.listing import explained_view, proposals_view

EPILOG = """\b
Examples:
  sinorus extract new-oped.txt
  sinorus extract https://example.org/oped --format jsonl
                  (HTML needs the extra: pip install '.[html]' in a clone of sinorus)
  sinorus extract notes.md --min-confidence 0.7 --format csv
  sinorus extract new-oped.txt --explain

Offsets (start, end) index the text as sinorus stores it: decoded, BOM removed,
line ends as \\n.
"""


def extract_command(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help="Article file (text, Markdown, HTML, PDF), an http(s) link, or - for stdin.")
    ],
    encoding: Annotated[str | None, typer.Option("--encoding", help="Decode with this encoding.")] = None,
    author: Annotated[
        str, typer.Option("--author", help="The article's author: under any form of the name, not a quoted speaker.")
    ] = "",
    # The library's default (text.extract.MIN_CONFIDENCE), written out so that --help needs no import of it.
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Keep proposals at least this sure (confidence: the estimated chance that theme and sign are right).",
        ),
    ] = 0.0,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show why each proposal was made: the model's probabilities, cue words and rules, speaker evidence.",
        ),
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Propose theses for an article: sentence, theme, stance, confidence and offsets."""
    # text.extract and text.ingest (~270 ms: numpy, tokenizers, the reader)
    from ..corpus.sources import foreign_note
    from ..text.extract import explained_theses
    from ..text.ingest import read_article

    s = session(ctx)
    article = read_article(file, encoding, stdin=s.env.binary_stdin() if file == "-" else None)
    foreign = foreign_note(file, article.text, {}, stored=False)
    if foreign:  # as `add` does: the reader reads English only, and would misread the text
        raise NoMatch(foreign)
    corpus = s.corpus()
    pairs = explained_theses(article.text, corpus.codebook, "new", min_confidence=min_confidence, author=author)
    if not pairs:
        raise NoMatch(f"{article.name}: no thesis proposed")
    if explain:
        s.emit(explained_view(pairs, corpus), fmt)
    else:
        s.emit(proposals_view([thesis for thesis, _ in pairs], corpus), fmt)


def register(app: typer.Typer) -> None:
    app.command("extract", epilog=EPILOG)(extract_command)
