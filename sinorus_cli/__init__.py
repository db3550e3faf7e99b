"""sinorus: compare what articles claim about China-Russia strategic cooperation.

Library entry points for notebooks::

    from sinorus_cli.corpus import load_corpus
    from sinorus_cli.compare import compare_theme
    from sinorus_cli.resolve import resolve_theme

    corpus = load_corpus()
    theme, _ = resolve_theme(corpus.codebook, "alliance")
    comparison = compare_theme(corpus, theme)
"""

__version__ = "0.1.0"
