#!/usr/bin/env python3
"""Writes a small seed corpus of well-formed requests for fuzz_wire."""
import os
import struct
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def msg(t, payload, tx=0):
    return struct.pack("<IIII", t, 1, tx, len(payload)) + payload


seeds = {
    "write_read": msg(11, b"/a/b\0val") + msg(2, b"/a/b\0"),
    "dir": msg(12, b"/d/e\0") + msg(1, b"/d\0") + msg(22, b"/d\0" b"0\0"),
    "perms": msg(11, b"/p\0v") + msg(14, b"/p\0n0\0r5\0") + msg(3, b"/p\0"),
    "watch": msg(4, b"/w\0tok\0") + msg(11, b"/w/x\0") + msg(5, b"/w\0tok\0"),
    "tx": msg(6, b"\0") + msg(11, b"/t\0v", 1) + msg(7, b"T\0", 1),
    "domain": msg(8, b"5\0" b"123\0" b"4\0") + msg(17, b"5\0")
    + msg(19, b"5\0" b"0\0") + msg(18, b"5\0") + msg(9, b"5\0"),
    "misc": msg(10, b"3\0") + msg(0, b"check\0") + msg(21, b"")
    + msg(23, b"") + msg(25, b"nodes\0") + msg(26, b"nodes\0" b"5\0"),
    "rm": msg(11, b"/r/s/t\0x") + msg(13, b"/r\0"),
}
for name, body in seeds.items():
    for who in (0, 1):
        with open(os.path.join(out, f"{name}-{who}"), "wb") as f:
            f.write(bytes([who]) + body)
