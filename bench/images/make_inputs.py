"""Writes the issue JSON files of the image benchmark into DIR (argv[1]):
image bombs (1-bit PNGs of a few KB that declare up to 8000 x 8000 pixels)
and large ordinary images, ten or four to a section."""

import base64
import json
import os
import struct
import sys
import zlib


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(width, height, depth, color, row_of):
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(b"\x00" + row_of(y)) for y in range(height))
    idat += compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def bomb(width, height):
    row = b"\x00" * ((width + 7) // 8)
    return png(width, height, 1, 0, lambda y: row)


def gradient(width, height):
    """An RGB picture whose rows differ, so that it compresses like a plain drawing."""
    base = bytes(x * 255 // width for x in range(width))
    return png(width, height, 8, 2,
               lambda y: bytes(v for x in range(width) for v in (base[x], y * 255 // height, 128)))


def issue(image, count):
    uri = "data:image/png;base64," + base64.b64encode(image).decode()
    body = "图片如下。\n\n" + "".join(f"![图{i + 1}]({uri})\n\n" for i in range(count))
    return {"title": "图片测试", "number": 1, "issuer": "测试", "date": "2020-03-19",
            "sections": [{"title": "图片", "body": body}]}


def main():
    out = sys.argv[1]
    b8000, b6000 = bomb(8000, 8000), bomb(8000, 6000)
    photo = gradient(4000, 3000)
    cases = {"bombs10": issue(b8000, 10), "big10": issue(b6000, 10), "big4": issue(b6000, 4),
             "rgb4": issue(photo, 4)}
    for name, doc in cases.items():
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
    print(f"bomb 8000x8000: {len(b8000)} B, bomb 8000x6000: {len(b6000)} B, "
          f"RGB 4000x3000: {len(photo)} B")


if __name__ == "__main__":
    main()
