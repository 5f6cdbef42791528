"""Word count with multiprocessing.Pool.imap_unordered, the way a Python user would write it.
Same definition of a word as Sluice's example: maximal runs of ASCII letters, digits and '_'.
Usage: python3 wordcount_pool.py INPUT OUTPUT WORKERS"""
import collections
import multiprocessing as mp
import re
import sys

WORD = re.compile(rb"[A-Za-z0-9_]+")


def count(lines):
    counts = collections.Counter()
    for line in lines:
        counts.update(WORD.findall(line))
    return counts


def chunks(path, size=1024):
    with open(path, "rb") as f:
        batch = []
        for line in f:
            batch.append(line)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch


if __name__ == "__main__":
    source, target, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    total = collections.Counter()
    with mp.Pool(workers) as pool:
        for partial in pool.imap_unordered(count, chunks(source)):
            total.update(partial)
    with open(target, "wb") as out:
        for word, n in sorted(total.items(), key=lambda e: (-e[1], e[0])):
            out.write(word + b"\t" + str(n).encode() + b"\n")
