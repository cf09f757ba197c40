#!/usr/bin/env python3
"""Re-packs a bzImage's payload with another compressor, as a kernel built
with CONFIG_KERNEL_GZIP or CONFIG_KERNEL_ZSTD would carry it, or extracts
the uncompressed vmlinux ELF.

  repack-bzimage.py IN.bzImage gzip|zstd OUT.bzImage
  repack-bzimage.py IN.bzImage elf OUT.vmlinux

The setup header's payload_length is updated; the payload ends with the
decompressed size as a little-endian 32-bit word, as the kernel's build
appends it. Only the payload changes: the result is for loaders that
unpack the payload themselves (Krypton, Xen), not for booting natively.
"""
import lzma
import shutil
import struct
import subprocess
import sys


def payload_bounds(img: bytes):
    if img[0x202:0x206] != b"HdrS":
        raise SystemExit("not a bzImage (no HdrS)")
    setup_sects = img[0x1F1] or 4
    pm_start = (setup_sects + 1) * 512
    off, length = struct.unpack_from("<II", img, 0x248)
    return pm_start + off, length


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("gzip", "zstd", "elf"):
        raise SystemExit(__doc__)
    src, fmt, dst = sys.argv[1:]
    img = open(src, "rb").read()
    start, length = payload_bounds(img)
    payload = img[start:start + length]
    # Debian's payload is xz (with the x86 BCJ filter, which the .xz
    # container records, so lzma handles it).
    elf = lzma.decompress(payload[:-4], format=lzma.FORMAT_XZ)
    if len(elf) != struct.unpack("<I", payload[-4:])[0]:
        raise SystemExit("appended size does not match the payload")
    if fmt == "elf":
        open(dst, "wb").write(elf)
        return
    tool = {"gzip": ["gzip", "-9", "-n", "-c"],
            "zstd": ["zstd", "-19", "-q", "-c"]}[fmt]
    if not shutil.which(tool[0]):
        raise SystemExit("%s not installed" % tool[0])
    packed = subprocess.run(tool, input=elf, stdout=subprocess.PIPE,
                            check=True).stdout
    new_payload = packed + struct.pack("<I", len(elf))
    out = bytearray(img[:start]) + new_payload
    struct.pack_into("<I", out, 0x24C, len(new_payload))
    open(dst, "wb").write(bytes(out))


if __name__ == "__main__":
    main()
