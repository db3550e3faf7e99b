"""The options and arguments commands share, and the callbacks that merge them into the Session."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..output.view import Format
from .session import session
from .typer_compat import Command, Context, Parameter, TyperArgument, TyperOption, hidden_option, value_kind

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


ThemeArgument = Annotated[str, typer.Argument(help="Theme id, alias or near miss (see 'sinorus themes').")]
ArticleArgument = Annotated[str, typer.Argument(help="Article id or file name (see 'sinorus articles').")]
# The repeatable filters of the commands that show some of many; their THEME and ARTICLE metavars and their
# shell completion come from the app, as for every parameter named theme or article (upper_metavar,
# completion.COMPLETERS).
ThemesOption = Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only these themes (repeatable).")]
ArticlesOption = Annotated[list[str] | None, typer.Option("--article", "-a", help="Only these articles (repeatable).")]


def corpus_folder(value: str) -> Path:
    """A --corpus value as a folder: `seeds` names the built-in seeds (write ./seeds for a folder of that name)."""
    # corpus package (~1 ms, unused by --help): only a --corpus value needs it
    from ..corpus.locations import folder_named

    return folder_named(value)


def _add_corpus(ctx: Context, _: Parameter, values: tuple[str, ...] | None) -> None:
    if values and not ctx.resilient_parsing:
        s = session(ctx)
        s.corpus_dirs = (*s.corpus_dirs, *(corpus_folder(v) for v in values))


def _curated_only(ctx: Context, _: Parameter, value: bool) -> None:
    if value:
        session(ctx).curated_only = True


def finite_confidence(value: float | None) -> float | None:
    """A --min-confidence value, refused when it is not a number (nan compares false with both bounds)."""
    if value is not None and value != value:
        raise typer.BadParameter("must be a number from 0 to 1, not nan", param_hint="'--min-confidence'")
    return value


def _min_confidence(ctx: Context, _: Parameter, value: float | None) -> None:
    if finite_confidence(value) is not None:
        session(ctx).min_confidence = value  # type: ignore[assignment]


def _no_pager(ctx: Context, _: Parameter, value: bool) -> None:
    if value:
        session(ctx).no_pager = True


def _raw(ctx: Context, _: Parameter, value: bool) -> None:
    if value:
        session(ctx).raw = True


def _choice(**change: Any) -> Any:
    def callback(ctx: Context, _: Parameter, value: Any) -> None:
        # output.writers pulls in csv and json (~4 ms), which --help never needs
        from ..output.writers import Choices

        if value is not None and value is not False:
            s = session(ctx)
            name, convert = next(iter(change.items()))
            s.choices = replace(s.choices or Choices(), **{name: convert(value)})

    return callback


def _color(ctx: Context, _: Parameter, value: str | None) -> None:
    if value is not None and value.lower() != ColorChoice.auto:  # auto keeps what sinorus --color chose
        s = session(ctx)
        s.env = replace(s.env, color=value.lower() == ColorChoice.always)


def _field_list(value: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in value.split(",")) if value.strip() else ("",)


CORPUS_HELP = "Corpus folder (repeatable); the name 'seeds' means the seeds that ship with sinorus."


def shared_options(
    command: Command,
    sections: tuple[str, ...] = (),
    article_filters: bool = False,
    thesis_filters: bool = False,
    corpus: bool = True,
) -> list[Parameter]:
    """The options a command accepts after its name too, merged into the Session; each is offered only
    where it does something, so a command's help lists no option it would ignore.

    --corpus on every command that reads or writes a corpus (all but those whose module says
    READS_CORPUS = False); the thesis filters (--curated-only, --min-confidence) on those whose module
    says THESIS_FILTERS = True (the views of theses: a command that writes, or reads a new text,
    has nothing for them to hide); paging, colour, --fields, --header and --raw on those that show a view
    (--format but no --output: a command that writes a document has none of them to honour);
    --section on those whose output has several; the article filters (--since, --until, --author,
    --outlet, --kind, --tag) on those whose module says ARTICLE_FILTERS = True (listings, debate
    views, networks, the report).
    """

    taken = {name for p in command.params for name in p.opts}
    options = []
    if corpus:
        options.append(
            hidden_option("-C", "--corpus", multiple=True, metavar="DIR", callback=_add_corpus, help=CORPUS_HELP)
        )
    if thesis_filters:
        options += [
            hidden_option(
                "--curated-only", is_flag=True, callback=_curated_only, help="Ignore automatically proposed theses."
            ),
            hidden_option(
                "--min-confidence",
                number_range=(0.0, 1.0),
                metavar="FLOAT",
                callback=_min_confidence,
                help="Ignore proposed theses below this confidence (0..1).",
            ),
        ]
    if "--format" in taken and "--output" not in taken:
        options += [
            hidden_option(
                "--fields",
                metavar="A,B,...",
                callback=_choice(fields=_field_list),
                help="Only these record fields, in this order (machine formats); --fields '' lists them.",
            ),
            hidden_option(
                "--header", is_flag=True, callback=_choice(header=bool), help="Start TSV output with a header."
            ),
            hidden_option(
                "--bom",
                is_flag=True,
                callback=_choice(bom=bool),
                help="Start CSV with a UTF-8 byte-order mark (Excel reads UTF-8 only with one).",
            ),
            hidden_option("--no-pager", is_flag=True, callback=_no_pager, help="Do not page long tables."),
            hidden_option(
                "--color",
                choices=tuple(ColorChoice),
                case_sensitive=False,
                metavar="WHEN",
                callback=_color,
                help="Colour in tables: auto, always or never (as sinorus --color).",
            ),
            hidden_option(
                "--raw", is_flag=True, callback=_raw, help="In CSV, keep cells a spreadsheet would run as formulas."
            ),
        ]
    if sections:
        options.append(
            hidden_option(
                "--section",
                choices=sections,
                metavar="SECTION",
                callback=_choice(section=str),
                help=f"Only this part of the output: {', '.join(sections)}.",
            )
        )
    if article_filters:
        options += [hidden_option(*names, **settings) for names, settings in ARTICLE_FILTER_OPTIONS]
    return [o for o in options if not taken & set(o.opts)]


def _select(name: str, convert: Any = None) -> Any:
    """Callback of an article filter: the value (a list for a repeatable one) into the Session's selection."""

    def callback(ctx: Context, _: Parameter, value: Any) -> None:
        if value and not ctx.resilient_parsing:
            s = session(ctx)
            given: Any = tuple(value) if isinstance(value, list | tuple) else value
            changes: dict[str, Any] = {name: convert(given) if convert else given}
            s.selection = replace(s.selection, **changes)
            s.selection.check()

    return callback


def _date_bound(option: str) -> Any:
    def convert(value: str) -> str:
        # analysis.select pulls in calendar (~2 ms): only a date filter given needs it
        from ..analysis.select import date_span

        try:
            date_span(value)
        except UsageError as exc:
            raise UsageError(f"{option}: {exc.message}") from None
        return value

    return convert


def _tag_filters(specs: tuple[str, ...]) -> tuple[Any, ...]:
    # analysis.select pulls in calendar (~2 ms): only a tag filter given needs it
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


def upper_metavar(param: Parameter) -> None:
    """Upper-case metavars that say what goes there (THEME, FLOAT, DIR), not click's <str> or <float range>."""
    if isinstance(param, TyperArgument) and param.name and not param.metavar:
        name = param.name.upper()
        if param.nargs != 1:  # several values: THEME... when required, [THEME]... when not
            name = f"{name}..." if param.required else f"[{name}]..."
        param.metavar = name
    if not isinstance(param, TyperOption) or param.is_flag or param.metavar:
        return
    named = {"float": "FLOAT", "int": "N", "dir": "DIR", "file": "FILE"}
    param.metavar = named.get(value_kind(param)) or max(param.opts, key=len).lstrip("-").upper().replace("-", "_")


class ColorChoice(StrEnum):
    """When tables are coloured."""

    auto = "auto"
    always = "always"
    never = "never"
