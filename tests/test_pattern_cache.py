"""Patterns compiled in an earlier run: the table gives the engine exactly what compiling gives it, a run
with the table compiles nothing the table holds, and a damaged table or entry costs only the compiling."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

from desktop import pattern_cache
from tests.fixtures.reports import REPO, SEED_FILE

# Patterns of every kind the engine has: groups, names, flags, bytes, classes, look-arounds, repeats.
PATTERNS = [
    (r"(?P<year>\d{4})年(?P<agency>[\u4e00-\u9fff]{2,12}?)(?:政府信息公开)?", 0),
    (r"^\s*[一二三四五六]、", re.M),
    (r"(?i)gov\.cn/(?:zwgk|xxgk)/", 0),
    (rb"%PDF-(\d)\.(\d)", 0),
    (r"(?<![\d.])(\d+(?:\.\d+)?)(?=件|个|次)", 0),
    (r"(?:予以公开|部分公开|不予公开)+?", re.S),
]
SAMPLE = "2023年耳口乡政府信息公开工作\n一、总体情况 予以公开12件，部分公开3个 https://www.GOV.cn/xxgk/"

PROBE = f"""
import json, re, sys
from pathlib import Path
from desktop import pattern_cache
from desktop.core.leading import leading
folder, patterns = Path(sys.argv[1]), json.loads(sys.argv[2])
sample = {SAMPLE!r}
pattern_cache.activate(folder)
stored = dict(pattern_cache._table.entries)
exec(sys.argv[3])
found = []
for text, flags, is_bytes in patterns:
    compiled = re.compile(text.encode() if is_bytes else text, flags)
    subject = sample.encode() if is_bytes else sample
    found.append([m.group() if not is_bytes else m.group().decode() for m in compiled.finditer(subject)])
    if not is_bytes:
        found.append([m.group() for m in leading(text, flags).finditer(sample)])
added = sum(1 for key, value in pattern_cache._table.entries.items() if stored.get(key) != value)
pattern_cache.deactivate()
print(json.dumps({{"found": found, "added": added}}))
"""


def run_probe(folder: Path, extra: str = "", seed: int | None = None) -> dict[str, object]:
    patterns = [(p.decode() if isinstance(p, bytes) else p, int(f), isinstance(p, bytes)) for p, f in PATTERNS]
    env = {**os.environ, "PYTHONHASHSEED": str(seed)} if seed is not None else None
    done = subprocess.run([sys.executable, "-c", PROBE, str(folder), json.dumps(patterns), extra],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=REPO, check=False, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def uncached() -> list[list[str]]:
    found = []
    from desktop.core.leading import leading

    for pattern, flags in PATTERNS:
        compiled = re.compile(pattern, flags)
        if isinstance(pattern, bytes):
            found.append([m.group().decode() for m in compiled.finditer(SAMPLE.encode())])
        else:
            found.append([m.group() for m in compiled.finditer(SAMPLE)])
            found.append([m.group() for m in leading(pattern, flags).finditer(SAMPLE)])
    return found


def payload_of(folder: Path) -> dict[str, object]:
    data = pattern_cache.table_file(folder).read_bytes()
    assert zlib.crc32(data[4:]).to_bytes(4, "big") == data[:4]
    return marshal.loads(data[4:])  # type: ignore[no-any-return]


def table_of(folder: Path) -> dict[object, object]:
    return payload_of(folder)["entries"]  # type: ignore[return-value]


def write_table(folder: Path, entries: dict[object, object]) -> None:
    payload = marshal.dumps({"entries": entries, "varying": set()})
    pattern_cache.table_file(folder).write_bytes(zlib.crc32(payload).to_bytes(4, "big") + payload)


def test_the_second_run_compiles_nothing_and_finds_the_same(tmp_path: Path) -> None:
    first = run_probe(tmp_path)
    assert first["added"] == 2 * len(PATTERNS) - 1  # each pattern for re, and the str ones for leading
    assert first["found"] == uncached()
    second = run_probe(tmp_path)
    assert second == {"found": first["found"], "added": 0}


def test_the_table_holds_what_compiling_gives(tmp_path: Path) -> None:
    """Every entry, checked against compiling its pattern now, for the program's own patterns as an export
    command loads them."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "LOCALAPPDATA": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "desktop", "export", str(SEED_FILE), "-o", str(tmp_path / "a.pdf"),
                           "--force"], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "nianbao" / "cache" if sys.platform == "win32" else tmp_path / "nianbao"
    table = table_of(folder)
    kinds = {key[0] for key in table}  # type: ignore[index]
    assert kinds == {"re", "leading"} and len(table) > 100

    from re import _compiler, _parser

    from desktop.core import leading

    for (kind, pattern, flags), stored in table.items():  # type: ignore[misc]
        if kind == "re":
            parsed = _parser.parse(pattern, flags)
            assert stored == pattern_cache.engine_arguments(parsed, flags, _compiler._code(parsed, flags)), pattern
        else:
            assert stored == leading._derived(pattern, flags), pattern


def test_a_damaged_table_is_compiled_anew_and_rewritten(tmp_path: Path) -> None:
    run_probe(tmp_path)
    path = pattern_cache.table_file(tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    again = run_probe(tmp_path)
    assert again["found"] == uncached() and again["added"] == 2 * len(PATTERNS) - 1
    assert len(table_of(tmp_path)) == 2 * len(PATTERNS) - 1


def test_an_entry_the_engine_refuses_is_compiled_anew(tmp_path: Path) -> None:
    run_probe(tmp_path)
    table = table_of(tmp_path)
    for key, stored in list(table.items()):
        if key[0] == "re":  # type: ignore[index]
            flags, _code, *rest = stored  # type: ignore[misc]
            table[key] = (flags, b"\xff\xff\x00\x00" * 3, *rest)  # no such operation: the engine refuses it
    write_table(tmp_path, table)
    again = run_probe(tmp_path)
    assert again["found"] == uncached() and again["added"] == len(PATTERNS)


JOINED = "import re\nre.compile('|'.join({'予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'}))\n"


def test_a_pattern_joined_from_a_set_is_not_stored_again_in_every_run(tmp_path: Path) -> None:
    """Each seed orders the set differently: the second order marks the shape, the third writes nothing."""
    run_probe(tmp_path, JOINED, seed=1)
    first = table_of(tmp_path)
    joined = [key for key in first if "无法提供" in str(key[1])]  # type: ignore[index]
    assert len(joined) == 1
    run_probe(tmp_path, JOINED, seed=2)
    payload = payload_of(tmp_path)
    assert not [key for key in payload["entries"] if "无法提供" in str(key[1])]  # type: ignore[attr-defined, index]
    assert len(payload["varying"]) == 1  # type: ignore[arg-type]
    before = pattern_cache.table_file(tmp_path).stat().st_mtime_ns
    third = run_probe(tmp_path, JOINED, seed=3)
    assert third["added"] == 0 and pattern_cache.table_file(tmp_path).stat().st_mtime_ns == before
    assert len(table_of(tmp_path)) == len(first) - 1


def test_findings_and_imports_are_the_same_with_the_table(tmp_path: Path) -> None:
    """The checker's and the importer's patterns, compiled (first run) and from the table (second)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "LOCALAPPDATA": str(tmp_path)}
    published = REPO / "tests" / "data" / "samples" / "erkou-2023.txt"
    outputs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "desktop", "check", str(SEED_FILE), str(published), "--json"],
                              capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False)
        assert done.returncode in (0, 1), done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and "耳口乡" in outputs[0]
