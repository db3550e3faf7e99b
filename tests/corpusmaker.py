"""A larger corpus made of the seeds: each seed article copied under new ids, some with their stances turned."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import tomli_w

from sinorus_cli.corpus import seeds_folder


def enlarged(folder: Path, articles: int) -> Path:
    """Write into `folder` a corpus of `articles` articles: the seeds, then copies of them in turn (every other
    copy with each stance negated, so that the copies disagree with their originals). Returns `folder`."""
    seeds = seeds_folder()
    shutil.copytree(seeds, folder)
    listed = tomllib.loads((seeds / "articles.toml").read_text(encoding="utf-8"))["article"]
    theses = tomllib.loads((seeds / "theses.toml").read_text(encoding="utf-8"))["thesis"]
    new_articles, new_theses = list(listed), list(theses)
    for n in range(articles - len(listed)):
        original = listed[n % len(listed)]
        copy_id = f"{original['id']}-c{n + 1}"
        sign = -1 if n % 2 else 1
        shutil.copy(seeds / original["file"], folder / f"{copy_id}.txt")
        new_articles.append(original | {"id": copy_id, "file": f"{copy_id}.txt"})
        for thesis in theses:
            if thesis["article"] == original["id"]:
                number = thesis["id"].split(":")[1]
                new_theses.append(thesis | {"id": f"{copy_id}:{number}", "article": copy_id,
                                            "stance": sign * thesis["stance"]})  # fmt: skip
    (folder / "articles.toml").write_text(tomli_w.dumps({"article": new_articles}), encoding="utf-8")
    (folder / "theses.toml").write_text(tomli_w.dumps({"thesis": new_theses}), encoding="utf-8")
    return folder
