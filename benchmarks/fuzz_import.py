"""Import N mutated files and show that each is imported or refused within the bounds (5 s, 500 MB).

The seeds are the samples in tests/data/samples, the pages saved as one file (.mht, .mhtml) and the old
Word files (.doc) of the import corpus, and the exporters' own PDF, Word and web page of the sample
report (and that PDF as OFD); each input is one seed with byte flips, a truncation, duplicated chunks
or zip damage (a member's bytes flipped, cut or repeated inside the archive). Any exception other than ImportRefused,
an import slower than the bound or a process peak above it is counted and printed.

    python benchmarks/fuzz_import.py 10000 [SEED]
"""

from __future__ import annotations

import io
import random
import resource
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAX_SECONDS = 5.0
MAX_MEGABYTES = 500.0


def seeds() -> dict[str, bytes]:
    from desktop.io.formats import exporter_for
    from tests.fixtures.reports import SAMPLES, seed

    found = {p.name: p.read_bytes() for p in sorted(SAMPLES.iterdir()) if p.is_file()}
    corpus = ROOT / "tests" / "io" / "corpus"
    kept = [*sorted(corpus.glob("*.mht*")), *sorted(corpus.glob("word97/*.doc"))]
    found.update({p.name: p.read_bytes() for p in kept})
    report = seed()
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".pdf", ".docx", ".html"):
            target = Path(folder) / f"export{suffix}"
            exporter_for(str(target))(report, target)
            found[target.name] = target.read_bytes()
    from tests.io.ofd_writer import ofd_from_pdf

    found["export.ofd"] = ofd_from_pdf(found["export.pdf"])
    return found


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, len(data))]


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        start = rng.randrange(len(data))
        chunk = data[start:start + rng.randint(1, 4096)]
        at = rng.randrange(len(data))
        data = data[:at] + chunk * rng.randint(1, 50) + data[at:]
    return data


def _zip_damage(data: bytes, rng: random.Random) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = source.infolist()
    except zipfile.BadZipFile:
        return _flip(data, rng)
    victim = rng.choice(members).filename
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in members:
            body = source.read(item.filename)
            if item.filename == victim and body:
                body = rng.choice((_flip, _truncate, _duplicate))(body, rng)
            target.writestr(item.filename, body)
    return out.getvalue()


MUTATIONS = (_flip, _truncate, _duplicate, _zip_damage)


def main(count: int, seed_value: int = 0) -> int:
    from desktop.io.importing import ImportRefused, import_bytes

    limit = int(MAX_MEGABYTES * 1024 * 1024 * 2)  # a runaway allocation fails here instead of swapping the PC
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    rng = random.Random(seed_value)
    inputs = seeds()
    names = sorted(inputs)
    outcomes = {"imported": 0, "refused": 0}
    failures: list[str] = []
    slowest = 0.0
    started = time.perf_counter()
    for index in range(count):
        name = names[index % len(names)]
        mutation = MUTATIONS[rng.randrange(len(MUTATIONS))]
        data = mutation(inputs[name], rng)
        begin = time.perf_counter()
        try:
            import_bytes(data, name)
            outcomes["imported"] += 1
        except ImportRefused:
            outcomes["refused"] += 1
        except Exception:  # noqa: BLE001 - counted and printed: this is what the fuzz run looks for
            failures.append(f"#{index} {name} {mutation.__name__}: {traceback.format_exc(limit=3)}")
        seconds = time.perf_counter() - begin
        slowest = max(slowest, seconds)
        if seconds > MAX_SECONDS:
            failures.append(f"#{index} {name} {mutation.__name__}: {seconds:.1f} s")
        if (index + 1) % 500 == 0:
            print(f"{index + 1} inputs, {len(failures)} failures, {time.perf_counter() - started:.0f} s", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if peak > MAX_MEGABYTES:
        failures.append(f"peak memory {peak:.0f} MB")
    for failure in failures[:20]:
        print(failure)
    print(f"{count} inputs: {outcomes['imported']} imported, {outcomes['refused']} refused, "
          f"{len(failures)} failures; slowest {slowest:.2f} s, peak memory {peak:.0f} MB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 0))
