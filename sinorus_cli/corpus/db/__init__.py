"""The derived store: a SQLite database beside a large corpus that answers queries without loading it.

`<corpus>/.sinorus/index.sqlite` holds the articles and theses of every folder a command reads (in
layers, so a later folder's copy of an article shadows an earlier one, as in `load_corpus`), the
sentences of every article with their offsets, full-text indexes and the per-article, per-theme
tallies that matrix, controversy and compare counts come from. Its `Store` is a CorpusReader: commands
ask it what they would ask a corpus in memory, and get the same answers.

It is never the source of truth. Each TOML file is recorded with its size, change time and inode (its
signature); when they change, only what changed is read again (blocks.py), every refresh runs in one
transaction and checks the cross-references (sync.py), so a broken hand edit is reported as the loader
reports it. A store that is damaged, cannot be brought up to date or cannot be written once stale is
bypassed with one line, and the command reads the TOML files (opening.py). Small corpora never get one:
they load faster from TOML than a database opens.

The modules, each with one concern:
- layout: the tables, which rows count, rows to records and back
- files: reading the TOML files consistently, digests, the store's own signature
- opening: opening, rebuilding and bypassing a store; `refresh` after a write
- sync, blocks: keeping the rows current with the files (folders and live articles; one file's blocks)
- tally: the stance rule (model.standing) applied to the stored theses
- packing: the matrix's rows computed in SQLite, cells packed into bits
- sentences, fulltext: the sentence index and what a search scores
- queries: the Store's answers
"""

from ..reader import StoreFailed
from .layout import ARTICLE_FIELDS, DB_DIR, DB_FILE, THESIS_FIELDS, Unusable
from .opening import open_store, rebuild, refresh, stored_articles
from .queries import Store

__all__ = [
    "ARTICLE_FIELDS",
    "DB_DIR",
    "DB_FILE",
    "THESIS_FIELDS",
    "Store",
    "StoreFailed",
    "Unusable",
    "open_store",
    "rebuild",
    "refresh",
    "stored_articles",
]
