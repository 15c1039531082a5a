#!/usr/bin/python3
# Regenerates pillow_golden.txt, the fixture of PillowGoldenTest: what Pillow computes for
#  1. bilinear resizes of a float ('F' mode) image: Pillow resamples these in double precision,
#     so Resampler must agree to float32 rounding (tolerance 1e-5);
#  2. torchvision's ImageNet evaluation pipeline done with Pillow on an 8-bit RGB image
#     (Resize(20) -> CenterCrop(16) -> ToTensor, no Normalize): Pillow rounds to 8 bits between
#     its two passes and we do not, so values agree to about one grey level (tolerance 1.5/255).
# Inputs are formulas of (x, y), recomputed in the test. Made with Debian 12's python3-pil 9.4.0
# and python3-numpy 1.24.2 (apt-get install python3-pil python3-numpy); run from this folder:
#   /usr/bin/python3 make_pillow_golden.py
import numpy as np
from PIL import Image

def floats(w, h):
    return np.array([[((x * 7 + y * 13) % 101) / 100.0 for x in range(w)] for y in range(h)], dtype=np.float32)

def rgb(w, h):
    return np.array([[[(3 * x + 5 * y) % 256, (x * y) % 256, (7 * x + 11 * y * y) % 256] for x in range(w)]
                     for y in range(h)], dtype=np.uint8)

lines = ["# Pillow golden values; see make_pillow_golden.py. Rows: 'resize W H NW NH' or",
         "# 'pipeline W H RESIZE CROP', then the output values (channel-major for the pipeline)."]
src = floats(37, 23)
for nw, nh in [(16, 11), (50, 29), (37, 7), (5, 23)]:
    out = np.asarray(Image.fromarray(src, mode="F").resize((nw, nh), Image.BILINEAR), dtype=np.float32)
    lines.append(f"resize 37 23 {nw} {nh}")
    lines.append(" ".join(f"{v:.7g}" for v in out.ravel()))

for w, h in [(61, 45), (30, 52)]:
    img = Image.fromarray(rgb(w, h), mode="RGB")
    # torchvision Resize(20): shorter side 20, longer int(20 * long / short); CenterCrop(16).
    if w <= h:
        nw, nh = 20, int(20 * h / w)
    else:
        nw, nh = int(20 * w / h), 20
    img = img.resize((nw, nh), Image.BILINEAR)
    top, left = int(round((nh - 16) / 2.0)), int(round((nw - 16) / 2.0))
    img = img.crop((left, top, left + 16, top + 16))
    chw = np.asarray(img, dtype=np.float32).transpose(2, 0, 1) / 255.0
    lines.append(f"pipeline {w} {h} 20 16")
    lines.append(" ".join(f"{v:.7g}" for v in chw.ravel()))

with open("pillow_golden.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
