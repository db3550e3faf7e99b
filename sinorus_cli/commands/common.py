"""What every command shares: the session (environment + corpus), the output option, emitting views."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer._click as click

from ..env import Environment
from ..errors import NoMatch, OutputError, PipeClosed, UsageError
from ..model import Article, Codebook, Corpus, Theme
from ..output.view import Format, View

if TYPE_CHECKING:
    from ..analysis.select import ArticleSelection
    from ..corpus.reader import CorpusReader
    from ..output.writers import Choices

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table, json, jsonl, csv, tsv or md. Default: table on a terminal, tsv (no header) in a pipe.",
        show_default=False,
    ),
]


SKIPPED_SHOWN = 5  # corpus problems named on stderr before the rest are only counted


@dataclass
class Session:
    """Per-invocation state: where output goes, which corpus to read (loaded once), which theses count."""

    env: Environment
    corpus_dirs: tuple[Path, ...] = ()
    curated_only: bool = False
    min_confidence: float = 0.0
    no_pager: bool = False
    choices: Choices | None = None
    raw: bool = False  # CSV cells kept exactly, even those a spreadsheet would run as formulas
    selection: ArticleSelection = field(default_factory=lambda: _no_selection())
    _reader: CorpusReader | None = field(default=None, repr=False)

    @cached_property
    def folders(self) -> tuple[Path, ...]:
        """--corpus folders as given; otherwise the seeds plus the user's corpus when it exists."""
        from ..corpus.locations import default_folders

        return self.corpus_dirs or default_folders()

    @property
    def write_folder(self) -> Path:
        """Where add, remove and review write: the one --corpus folder, else the corpus the current folder
        lies in, else the user's corpus."""
        from ..corpus.load import require_folder
        from ..corpus.locations import own_corpus_folder, refuse_seeds

        if len(self.corpus_dirs) > 1:
            raise UsageError("give a single --corpus to write to")
        folder = require_folder(self.corpus_dirs[0]) if self.corpus_dirs else own_corpus_folder()
        refuse_seeds(folder)
        return folder

    @property
    def write_context(self) -> tuple[Path, ...]:
        """The folders read together with the write folder: the seeds, unless --corpus chose the folders."""
        from ..corpus.locations import seeds_folder

        return () if self.corpus_dirs else (seeds_folder(),)

    def refresh_store(self) -> None:
        """Bring the write folder's derived store up to date after a committed write."""
        from ..corpus.db import refresh

        refresh(self.write_folder, self.write_context)

    def corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        """The selected corpus, with the global thesis filters and the article selection (--since,
        --author, --tag, ...) applied, loaded on first use.

        A command that needs only some articles' or themes' theses says so: on a large corpus it then
        gets just those theses and the articles they belong to, read from the derived store.
        """
        from ..analysis.select import select_articles

        if self.selection.active:  # a reader holding the corpus elsewhere then reads only the selected
            chosen = self.selected() or set()
            articles = chosen if articles is None else chosen & set(articles)
        return select_articles(self.whole_corpus(articles, themes), self.selection)

    def whole_corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        """The corpus before the article selection: names given on the command line resolve against it."""
        return self.reader().corpus(articles, themes)

    def reader(self) -> CorpusReader:
        """How this command reads the corpus, chosen on first use: the derived store of a large corpus
        (refreshed), else the corpus loaded from its TOML files. Commands never ask which it is."""
        if self._reader is None:
            from ..corpus.locations import large

            if large(self.folders):  # checked first: a small corpus never imports the store's module
                from ..corpus.db import open_store

                self._reader = open_store(
                    self.folders, self.curated_only, self.min_confidence, force=True, note=self.note
                )
            if self._reader is None:
                from ..corpus.reader import MemoryReader

                self._reader = MemoryReader(self.load(self.folders, derived=False))  # the store was just tried
        return self._reader

    def bypass_store(self, why: str) -> None:
        """Stop using the derived store (it failed while answering): the rest of the command reads the TOML."""
        from ..corpus.reader import MemoryReader

        if self._reader is not None:
            self._reader.close()
        self._reader = MemoryReader(self.load(self.folders, derived=False))
        self.note(f"answering from the TOML files: {why}; 'sinorus check --repair' rebuilds the store")

    def selected(self) -> set[str] | None:
        """The ids of the articles the selection (--since, --author, --tag, ...) keeps, or None without one;
        for commands that answer from the reader's own listings rather than from `corpus()`."""
        if not self.selection.active:
            return None
        return {a.id for a in self.reader().articles() if self.selection.matches(a)}

    def codebook(self) -> Codebook:
        """The codebook of the selected corpus."""
        return self.reader().codebook

    def load(self, folders: tuple[Path, ...], derived: bool = True) -> Corpus:
        """The valid part of a corpus this command reads, filtered as the global options say.

        Entries with problems are skipped, and said so on stderr ('sinorus check' lists them all). With
        `derived` False a large corpus is parsed even so (its store was just found unusable).
        """
        from ..corpus.load import read_corpus

        loaded = read_corpus(folders, derived)
        for problem in loaded.problems[:SKIPPED_SHOWN]:
            self.note(f"skipped: {problem}")
        if len(loaded.problems) > SKIPPED_SHOWN:
            self.note(f"skipped {len(loaded.problems) - SKIPPED_SHOWN} more; 'sinorus check' lists every problem")
        return loaded.corpus.filtered(self.curated_only, self.min_confidence)

    def note(self, message: str) -> None:
        """A one-line remark on stderr (never on stdout, so pipes stay clean)."""
        self.env.note(message)

    def emit(self, view: View, fmt: Format | None, no_match: str = "", empty_ok: bool = False) -> None:
        """Write a view in the chosen format, or the default for where stdout goes.

        When the output carries no record, machine formats still print their empty
        form (`[]` in JSON, the header in CSV, nothing in TSV and JSONL), and the
        command ends with exit 1 and the note `no_match` (or the section's own),
        unless `empty_ok` (an empty result is the good news, as for `check`).
        """
        from ..output.writers import RECORD_FORMATS, Choices, shape, write_view

        chosen = fmt or (Format.table if self.env.is_terminal else Format.tsv)
        choices = replace(self.choices or Choices(), raw=self.raw)
        shaped = shape(view, choices)
        one_section = chosen in RECORD_FORMATS or bool(choices.section or choices.fields)
        empty = not shaped.section().rows if one_section else shaped.is_empty
        if empty:
            if chosen is Format.json:
                self.write("[]\n")
            elif chosen in RECORD_FORMATS:
                with _stdout_closing_quietly():
                    write_view(view, chosen, self.env, choices)
            if empty_ok:
                return
            raise NoMatch(no_match or shaped.section().empty)
        with _stdout_closing_quietly():
            if chosen is Format.table and self._paging():
                self._page(view, choices)
            else:
                write_view(view, chosen, self.env, choices)

    def _paging(self) -> bool:
        from ..output.pager import should_page

        return self.env.is_terminal and should_page(self.no_pager)

    def _page(self, view: View, choices: Choices) -> None:
        import io

        from ..output.pager import page
        from ..output.tables import write_tables
        from ..output.writers import shape

        buffer = io.StringIO()
        write_tables(shape(view, choices), self.env, file=buffer)
        page(buffer.getvalue())

    @property
    def section(self) -> str:
        """The part of the output --section chose, or empty."""
        return self.choices.section if self.choices else ""

    def stream(self, records: Iterable[dict[str, Any]]) -> None:
        """Write records as JSON Lines as they are generated, never holding them all; --fields applies."""
        from ..output.writers import json_text

        fields = self.choices.fields if self.choices else ()
        with _stdout_closing_quietly():
            for record in records:
                chosen = {f: record.get(f) for f in fields} if fields else record
                self.env.stdout.write(json_text(chosen) + "\n")
            self.env.stdout.flush()

    def write(self, data: str | bytes) -> None:
        """Write a finished document (a graph, a report, a zip) to stdout; bytes go to the binary layer."""
        with _stdout_closing_quietly():
            self.env.stdout.flush()
            if isinstance(data, bytes):
                self.env.stdout.buffer.write(data)
                self.env.stdout.buffer.flush()
            else:
                self.env.stdout.write(data)
                self.env.stdout.flush()

    def theme(self, query: str) -> Theme:
        """Resolve a theme name, noting on stderr when a near miss was taken."""
        from ..analysis.resolve import resolve_theme

        theme, note = resolve_theme(self.codebook(), query)
        self.note(note)
        return theme

    def article(self, query: str) -> Article:
        """Resolve an article name, noting on stderr when a near miss was taken."""
        from ..analysis.resolve import resolve_name

        reader = self.reader()
        resolved = resolve_name(query, reader.article_names(), "article")
        self.note(resolved.note)
        return reader.articles([resolved.id])[0]


SEEDS = "seeds"  # the name --corpus gives the built-in seed corpus


def corpus_folder(value: str) -> Path:
    """A --corpus value as a folder: `seeds` names the built-in seeds (write ./seeds for a folder of that name)."""
    if value == SEEDS:
        from ..corpus.locations import seeds_folder

        return seeds_folder()
    return Path(value).expanduser()


def _add_corpus(ctx: click.Context, _: click.Parameter, values: tuple[str, ...] | None) -> None:
    if values and not ctx.resilient_parsing:
        s = session(ctx)
        s.corpus_dirs = (*s.corpus_dirs, *(corpus_folder(v) for v in values))


def _curated_only(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        session(ctx).curated_only = True


def finite_confidence(value: float | None) -> float | None:
    """A --min-confidence value, refused when it is not a number (nan compares false with both bounds)."""
    if value is not None and value != value:
        raise typer.BadParameter("must be a number from 0 to 1, not nan", param_hint="'--min-confidence'")
    return value


def _min_confidence(ctx: click.Context, _: click.Parameter, value: float | None) -> None:
    if finite_confidence(value) is not None:
        session(ctx).min_confidence = value  # type: ignore[assignment]


def _no_pager(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        session(ctx).no_pager = True


def _raw(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        session(ctx).raw = True


def _choice(**change: Any) -> Any:
    def callback(ctx: click.Context, _: click.Parameter, value: Any) -> None:
        from ..output.writers import Choices

        if value is not None and value is not False:
            s = session(ctx)
            name, convert = next(iter(change.items()))
            s.choices = replace(s.choices or Choices(), **{name: convert(value)})

    return callback


def _field_list(value: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in value.split(",")) if value.strip() else ("",)


CORPUS_HELP = "Corpus folder (repeatable); the name 'seeds' means the seeds that ship with sinorus."


def shared_options(
    command: click.Command, sections: tuple[str, ...] = (), article_filters: bool = False
) -> list[click.Parameter]:
    """The options every command accepts after its name too, merged into the Session.

    Corpus selection and thesis filters work on every command; paging, --fields, --header
    and --raw on those that show a view (--format but no --output: a command that writes a
    document has none of them to honour); --section on those whose output has several;
    the article filters (--since, --until, --author, --outlet, --kind, --tag) on those whose
    module says ARTICLE_FILTERS = True (listings, debate views, networks, the report).
    """
    from typer._click.types import FloatRange
    from typer._types import TyperChoice
    from typer.core import TyperOption

    def option(*names: str, **settings: Any) -> TyperOption:
        return TyperOption(param_decls=list(names), expose_value=False, **settings)

    taken = {name for p in command.params for name in p.opts}
    options = [
        option("-C", "--corpus", multiple=True, metavar="DIR", callback=_add_corpus, help=CORPUS_HELP),
        option("--curated-only", is_flag=True, callback=_curated_only, help="Ignore automatically proposed theses."),
        option(
            "--min-confidence",
            type=FloatRange(0.0, 1.0),
            metavar="FLOAT",
            callback=_min_confidence,
            help="Ignore proposed theses below this confidence (0..1).",
        ),
    ]
    if "--format" in taken and "--output" not in taken:
        options += [
            option(
                "--fields",
                metavar="A,B,...",
                callback=_choice(fields=_field_list),
                help="Only these record fields, in this order (machine formats); --fields '' lists them.",
            ),
            option("--header", is_flag=True, callback=_choice(header=bool), help="Start TSV output with a header."),
            option(
                "--bom",
                is_flag=True,
                callback=_choice(bom=bool),
                help="Start CSV with a UTF-8 byte-order mark (Excel reads UTF-8 only with one).",
            ),
            option("--no-pager", is_flag=True, callback=_no_pager, help="Do not page long tables."),
            option(
                "--raw", is_flag=True, callback=_raw, help="In CSV, keep cells a spreadsheet would run as formulas."
            ),
        ]
    if sections:
        options.append(
            option(
                "--section",
                type=TyperChoice(sections),
                metavar="SECTION",
                callback=_choice(section=str),
                help=f"Only this part of the output: {', '.join(sections)}.",
            )
        )
    if article_filters:
        options += [option(*names, **settings) for names, settings in ARTICLE_FILTER_OPTIONS]
    return [o for o in options if not taken & set(o.opts)]


def _no_selection() -> ArticleSelection:
    from ..analysis.select import ArticleSelection

    return ArticleSelection()


def _select(name: str, convert: Any = None) -> Any:
    """Callback of an article filter: the value (a list for a repeatable one) into the Session's selection."""

    def callback(ctx: click.Context, _: click.Parameter, value: Any) -> None:
        if value and not ctx.resilient_parsing:
            s = session(ctx)
            given: Any = tuple(value) if isinstance(value, list | tuple) else value
            changes: dict[str, Any] = {name: convert(given) if convert else given}
            s.selection = replace(s.selection, **changes)
            s.selection.check()

    return callback


def _date_bound(option: str) -> Any:
    def convert(value: str) -> str:
        from ..analysis.select import date_span

        try:
            date_span(value)
        except UsageError as exc:
            raise UsageError(f"{option}: {exc.message}") from None
        return value

    return convert


def _tag_filters(specs: tuple[str, ...]) -> tuple[Any, ...]:
    from ..analysis.select import parse_tag_filters

    return tuple(parse_tag_filters(specs))


# The article filters, defined once: (option names, settings), turned into options by shared_options.
ARTICLE_FILTER_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (("--since",), {"metavar": "DATE", "callback": _select("since", _date_bound("--since")),
                    "help": "Only articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; a date of "
                            "lower precision counts when it may fall inside)."}),
    (("--until",), {"metavar": "DATE", "callback": _select("until", _date_bound("--until")),
                    "help": "Only articles dated on or before DATE (--until 2023: through 2023-12-31)."}),
    (("--author",), {"metavar": "NAME", "multiple": True, "callback": _select("authors"),
                     "help": "Only articles whose author contains NAME, in any case (repeatable: any)."}),
    (("--outlet",), {"metavar": "NAME", "multiple": True, "callback": _select("outlets"),
                     "help": "Only articles whose outlet contains NAME, in any case (repeatable: any)."}),
    (("--kind",), {"metavar": "KIND", "multiple": True, "callback": _select("kinds"),
                   "help": "Only articles of this kind, e.g. op-ed, interview (repeatable: any)."}),
    (("--tag",), {"metavar": "KEY=VALUE", "multiple": True, "callback": _select("tags", _tag_filters),
                  "help": "Only articles tagged key=value, or with tag key (repeatable: all)."}),
)  # fmt: skip


def _completion_corpus(ctx: click.Context) -> Corpus | None:
    try:
        folders = tuple(corpus_folder(c) for c in ctx.find_root().params.get("corpus") or ())
        return Session(Environment(), folders).corpus()
    except Exception:  # a shell completion must never print an error
        return None


def complete_theme(ctx: click.Context, incomplete: str) -> list[str]:
    """Theme ids for shell completion."""
    corpus = _completion_corpus(ctx)
    return [t for t in (corpus.codebook.ids if corpus else ()) if t.startswith(incomplete)]


def complete_article(ctx: click.Context, incomplete: str) -> list[str]:
    """Article ids for shell completion."""
    corpus = _completion_corpus(ctx)
    return [a.id for a in (corpus.articles if corpus else ()) if a.id.startswith(incomplete)]


ThemeArgument = Annotated[str, typer.Argument(help="Theme id, alias or near miss (see 'sinorus themes').")]
ArticleArgument = Annotated[str, typer.Argument(help="Article id or file name (see 'sinorus articles').")]
# Parameters completed with ids, whichever command they belong to (set up in cli.SinorusGroup).
COMPLETERS = {"theme": complete_theme, "themes": complete_theme, "article": complete_article,
              "articles": complete_article, "a": complete_article, "b": complete_article}  # fmt: skip


@contextmanager
def _stdout_closing_quietly() -> Iterator[None]:
    """A closed pipe stops quietly (exit 141); any other write failure (a full disk) is one line."""
    try:
        yield
    except BrokenPipeError:
        raise PipeClosed from None
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


def session(ctx: click.Context) -> Session:
    """The Session the top-level callback stored on the context."""
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session(env=root.obj if isinstance(root.obj, Environment) else Environment())
    return root.obj
