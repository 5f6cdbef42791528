"""The orders job with multiprocessing.Pool, the way a Python user would write it: the main process reads
the CSV in blocks of whole lines, workers parse them with the csv module and sum the amounts per customer
and per product, the main process merges, then writes revenue per customer and the top-10 products by
revenue (the same two files config/orders.yaml writes).
Usage: python3 orders_pool.py INPUT OUTPUT_DIR WORKERS"""
import collections
import csv
import io
import multiprocessing as mp
import os
import sys


def work(block):
    customers = collections.defaultdict(lambda: [0, 0.0])
    products = collections.defaultdict(lambda: [0, 0.0])
    for row in csv.reader(io.StringIO(block.decode("utf-8"), newline="")):
        amount = float(row[6])
        c = customers[row[2]]
        c[0] += 1
        c[1] += amount
        p = products[row[3]]
        p[0] += 1
        p[1] += amount
    return dict(customers), dict(products)


def merge(into, partial):
    for k, (n, v) in partial.items():
        into[k][0] += n
        into[k][1] += v


def write(path, rows):
    with open(path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        for row in rows:
            w.writerow(row)


def blocks(path, size=4 << 20):
    """Blocks of whole lines (the generated orders have no newline inside a quoted field)."""
    with open(path, "rb") as f:
        f.readline()  # the header
        rest = b""
        while True:
            data = f.read(size)
            if not data:
                break
            data = rest + data
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            yield data[:cut]
        if rest:
            yield rest


if __name__ == "__main__":
    source, target, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    customers = collections.defaultdict(lambda: [0, 0.0])
    products = collections.defaultdict(lambda: [0, 0.0])
    with mp.Pool(workers) as pool:
        for partial_customers, partial_products in pool.imap_unordered(work, blocks(source)):
            merge(customers, partial_customers)
            merge(products, partial_products)
    os.makedirs(target, exist_ok=True)
    write(os.path.join(target, "revenue-per-customer.csv"), [["customer", "count", "sum_amount"]]
          + [[k, n, repr(v)] for k, (n, v) in sorted(customers.items())])
    top = sorted(products.items(), key=lambda e: (-e[1][1], e[0]))[:10]
    write(os.path.join(target, "top-products.csv"), [["product", "count", "sum_amount"]]
          + [[k, n, repr(v)] for k, (n, v) in top])
