#!/usr/bin/env python3
"""Where the bytes of a wasm file go: code size per crate, from the function names.

Usage: bench/wasm_sizes.py target/wasm32-unknown-unknown/release/data-roadmap.wasm
(cargo's output, before wasm-bindgen and wasm-opt: it still has its name section). The
shares carry over to the optimised bundle roughly, not byte for byte.
"""
import re
import sys
from collections import Counter


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(data):
    pos = 8
    while pos < len(data):
        kind = data[pos]
        size, pos = leb(data, pos + 1)
        yield kind, data[pos:pos + size]
        pos += size


def crate_of(name):
    """The crate whose function this is: the first crate in a v0-mangled path (`_R…C<hash>_<len><name>`),
    or the first segment of a legacy/demangled one."""
    if name.startswith("_R"):
        match = re.search(r"C(?:s[0-9A-Za-z]*_)?(\d+)", name)
        if match:
            start = match.end()
            return name[start:start + int(match.group(1))]
    name = re.sub(r"^_ZN\d+", "", name).lstrip("_<&")
    return re.split(r"::|\.\.|\$|\d", name)[0] or "?"


def main(path):
    data = open(path, "rb").read()
    imported = 0
    bodies = []
    names = {}
    for kind, body in sections(data):
        if kind == 2:  # imports: functions among them take the first indices
            count, p = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, p = leb(body, p)
                    p += n
                desc = body[p]
                p += 1
                if desc == 0:
                    _, p = leb(body, p)
                    imported += 1
                elif desc == 1:
                    p += 1
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif desc == 2:
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif desc == 3:
                    p += 2
        elif kind == 10:  # code
            count, p = leb(body, 0)
            for _ in range(count):
                size, p = leb(body, p)
                bodies.append(size)
                p += size
        elif kind == 0:
            n, p = leb(body, 0)
            if body[p:p + n] != b"name":
                continue
            p += n
            while p < len(body):
                sub = body[p]
                size, p = leb(body, p + 1)
                end = p + size
                if sub == 1:
                    count, q = leb(body, p)
                    for _ in range(count):
                        index, q = leb(body, q)
                        length, q = leb(body, q)
                        names[index] = body[q:q + length].decode("utf8", "replace")
                        q += length
                p = end
    per_crate = Counter()
    for i, size in enumerate(bodies):
        per_crate[crate_of(names.get(imported + i, "?"))] += size
    total = sum(bodies)
    print(f"code: {total / 1024:.0f} KB in {len(bodies)} functions")
    for crate, size in per_crate.most_common(20):
        print(f"{size / 1024:8.1f} KB  {100 * size / total:5.1f}%  {crate}")


if __name__ == "__main__":
    main(sys.argv[1])
