"""The same corpus gives byte-identical export files: no clock, no random order, no fresh salts."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "args",
    [
        ("export", "-o", "{}/x.qdpx"),
        ("export", "-o", "{}/x.dna"),
        ("export", "--format", "aif", "-o", "{}/x.json"),
        ("export", "-o", "{}/x.argdown"),
        ("network", "-o", "{}/x.gexf"),
        ("network", "-o", "{}/x.graphml"),
        ("network", "--by", "speaker", "-o", "{}/x.graphml"),
        ("report", "-o", "{}/x.html"),
        ("report", "-o", "{}/x.md"),
    ],
)
def test_exporting_twice_gives_the_same_bytes(run, tmp_path, args):
    outputs = []
    for n in (1, 2):
        folder = tmp_path / str(n)
        folder.mkdir()
        result = run(*(a.format(folder) for a in args))
        assert result.exit_code == 0, result.output
        outputs.append(next(folder.iterdir()).read_bytes())
    assert outputs[0] == outputs[1] and outputs[0]
