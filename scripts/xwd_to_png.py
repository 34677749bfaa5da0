"""Convert an X window dump (xwd -root, 24/32-bit TrueColor, as Xvfb gives) to PNG; standard library only.

Used by scripts/check_fresh_debian.sh: python3 scripts/xwd_to_png.py in.xwd out.png
"""

import struct
import sys
import zlib


def read_xwd(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, RGB bytes) of a ZPixmap dump with 24 or 32 bits per pixel."""
    fields = struct.unpack(">25I", data[:100])
    header_size, width, height = fields[0], fields[4], fields[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    if bits_per_pixel not in (24, 32):
        raise SystemExit(f"unsupported xwd: {bits_per_pixel} bits per pixel")
    step = bits_per_pixel // 8
    pixels = data[header_size + 12 * ncolors:]
    rgb = bytearray()
    for y in range(height):
        row = pixels[y * bytes_per_line: y * bytes_per_line + step * width]
        if byte_order == 0:  # LSBFirst: blue, green, red(, pad)
            rgb += bytes(c for x in range(0, step * width, step) for c in (row[x + 2], row[x + 1], row[x]))
        else:  # MSBFirst: (pad,) red, green, blue
            rgb += bytes(c for x in range(0, step * width, step) for c in row[x + step - 3:x + step])
    return width, height, bytes(rgb)


def write_png(path: str, width: int, height: int, rgb: bytes) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + rgb[y * 3 * width:(y + 1) * 3 * width] for y in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    write_png(sys.argv[2], *read_xwd(open(sys.argv[1], "rb").read()))
