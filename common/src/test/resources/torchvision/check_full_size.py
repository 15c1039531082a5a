#!/usr/bin/python3
"""Checks the full-size architectures against torchvision at 224x224 through `bin/adabet forward`.

Not part of the test suite (the state dicts are 14 MB to 553 MB). For each model: a seeded,
randomly initialised torchvision model (BatchNorm statistics calibrated as in make_fixtures.py)
is exported to .npz exactly as the README shows, one random 224x224 image goes through
torchvision and through `bin/adabet forward`, and the largest logit difference is printed.
Usage (Debian 12: apt-get install python3-torchvision), from the repository root:
    /usr/bin/python3 common/src/test/resources/torchvision/check_full_size.py [WORKDIR] [MODEL...]
Measured 2026-11-25 (torch 1.13.1 vs DJL 0.36 / libtorch 2.7.1): resnet18 2.4e-7, resnet50 2.0e-6, mobilenet_v2
3.0e-7, vit_b_16 2.5e-6, vgg16_bn 1.3e-6, vgg16 2.5e-7 (largest |logit| 0.26 to 2.1).
"""
import os
import subprocess
import sys

import numpy
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixtures import calibrate  # noqa: E402

MODELS = ["resnet18", "resnet50", "mobilenet_v2", "vit_b_16", "vgg16_bn", "vgg16"]


def check(name, work):
    torch.manual_seed(7)
    model = getattr(torchvision.models, name)()
    if any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules()):
        calibrate(model, 224, batches=1)
    if name.startswith("vit"):
        with torch.no_grad():
            model.heads.head.weight.normal_(0, 0.02)  # torchvision's zero head would hide the encoder
    model.eval()
    x = torch.randn(1, 3, 224, 224)
    with torch.no_grad():
        expected = model(x).numpy()
    sd = model.state_dict()
    weights = os.path.join(work, name + ".npz")
    numpy.savez(weights, **{k: v.numpy() for k, v in sd.items()})
    inp = os.path.join(work, name + "_x.npy")
    out = os.path.join(work, name + "_logits.npy")
    numpy.save(inp, x.numpy())
    subprocess.run(["bin/adabet", "forward", "--model", name, "--weights", weights, "--input", inp, "--out", out],
                   check=True)
    ours = numpy.load(out)
    print(f"{name}: max |logit difference| {float(abs(ours - expected).max()):.3g}"
          f" (max |logit| {float(abs(expected).max()):.3g})")


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else "work/torchvision-check"
    os.makedirs(work, exist_ok=True)
    for name in sys.argv[2:] or MODELS:
        check(name, work)


if __name__ == "__main__":
    main()
