"""The README's picture of a PDF report: its first pages side by side, as a reader sees them.

    python scripts/report_picture.py report.pdf docs/report-first-pages.png [--pages 1,2,3,4]

Each page is drawn by poppler's pdftoppm (the renderer of many PDF viewers), given a thin
border, and set beside the others on a light background; the result is a palette PNG, a
few hundred kilobytes for four pages.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

GAP = 24  # pixels between pages and around them
BACKGROUND = (226, 230, 235)


def page_images(pdf: Path, pages: list[int], dpi: int, folder: Path) -> list[Image.Image]:
    images = []
    for number in pages:
        stem = folder / f"page{number}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(number),
                        "-l", str(number), str(pdf), str(stem)], check=True)
        images.append(Image.open(stem.with_suffix(".png")).convert("RGB"))
    return images


def montage(images: list[Image.Image]) -> Image.Image:
    framed = [ImageOps.expand(image, border=1, fill=(160, 166, 174)) for image in images]
    width = sum(image.width for image in framed) + GAP * (len(framed) + 1)
    height = max(image.height for image in framed) + 2 * GAP
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    left = GAP
    for image in framed:
        sheet.paste(image, (left, GAP))
        left += image.width + GAP
    return sheet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--pages", default="1,2,3,4",
                        help="the pages to show, in order (default: %(default)s)")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pages = [int(number) for number in args.pages.split(",")]
        sheet = montage(page_images(args.pdf, pages, args.dpi, Path(folder)))
    sheet.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(args.output,
                                                                     optimize=True)
    print(f"{args.output}: {sheet.width}×{sheet.height}, "
          f"{args.output.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
