#!/usr/bin/env python3
"""The minimal Python walk that bench/run holds 1,000 small dumps in one ringtool run against: for each file, read
it, unpack the ring header's indices with struct and walk the packet descriptors from the read index to the write
index, counting packets. One process for all files, as `ringtool inspect -r DIR` is one process; no checks, no
output beyond one count per file.

    pywalk.py FILE...
"""
import struct
import sys

HEADER = 4096
DESCRIPTOR = struct.Struct("<HHHHQ")


def walk(path):
    with open(path, "rb") as f:
        data = f.read()
    write_index, read_index = struct.unpack_from("<II", data, 0)
    ring = data[HEADER:]
    size = len(ring)
    off, packets = read_index, 0
    while off != write_index:
        _type, offset8, len8, _flags, _tid = DESCRIPTOR.unpack_from(ring, off)
        (_trailer,) = struct.unpack_from("<Q", ring, off + len8 * 8)
        off = (off + len8 * 8 + 8) % size
        packets += 1
    return packets


def main(paths):
    out = []
    for path in paths:
        out.append(f"{path}: {walk(path)} packets")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
