"""Python's shared state across processes, the way the multiprocessing docs show it:
a Value incremented under its lock, and a Manager().dict() written and read.
Usage: python3 shared_state.py counter|map OPS WORKERS   (prints: ops_per_s)"""
import multiprocessing as mp
import sys
import time


def bump(value, ops):
    for _ in range(ops):
        with value.get_lock():
            value.value += 1


def put_get(table, base, ops):
    for i in range(ops // 2):
        table[base + i] = i
    for i in range(ops // 2):
        table[base + i]


if __name__ == "__main__":
    mode, ops, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if mode == "counter":
        shared = mp.Value("q", 0)
        jobs = [mp.Process(target=bump, args=(shared, ops)) for _ in range(workers)]
    else:
        manager = mp.Manager()
        shared = manager.dict()
        jobs = [mp.Process(target=put_get, args=(shared, w * ops, ops)) for w in range(workers)]
    start = time.perf_counter()
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
    elapsed = time.perf_counter() - start
    if mode == "counter":
        assert shared.value == ops * workers
    print(f"{ops * workers / elapsed:.0f}")
