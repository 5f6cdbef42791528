"""Python's multiprocessing.Queue, producer -> consumer with a sentinel: messages per second.
Usage: python3 mp_queue.py N   (prints: msgs_per_s)"""
import multiprocessing as mp
import sys
import time


def consume(queue, done):
    count = 0
    while queue.get() is not None:
        count += 1
    done.put(count)


if __name__ == "__main__":
    n = int(sys.argv[1])
    queue, done = mp.Queue(), mp.Queue()
    consumer = mp.Process(target=consume, args=(queue, done))
    consumer.start()
    start = time.perf_counter()
    for i in range(n):
        queue.put(i)
    queue.put(None)
    assert done.get() == n
    elapsed = time.perf_counter() - start
    consumer.join()
    print(f"{n / elapsed:.0f}")
