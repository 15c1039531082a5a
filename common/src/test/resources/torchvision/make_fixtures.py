#!/usr/bin/python3
"""Regenerates the torchvision-equivalence fixtures next to this script.

Made with Debian 12's python3-torch 1.13.1 and python3-torchvision 0.14.1
(`apt-get install python3-torchvision`); run with `/usr/bin/python3 make_fixtures.py`.

Each fixture <name>.npz holds a seeded, randomly initialised torchvision model's state_dict
(torchvision's names, BatchNorm counters dropped), an NCHW float32 input batch under the key
`__input__` and torchvision's eval-mode logits under `__logits__`. The Java test
(org.adabet.model.TorchvisionEquivalenceTest) loads the state_dict through StateDictReader,
runs the same input and requires max |logit difference| <= 1e-4.

To keep the files small (they are committed), convolution and linear weights of the ResNet-18
and MobileNetV2 fixtures are ternarised: torchvision's seeded init w becomes
sign(w) * s * [|w| > s/2] with s = mean |w|, stored as float16 (exact) in a compressed npz;
the model is run with exactly those values. BatchNorm running statistics are then calibrated
on random batches so that activations stay O(1) through every layer, which keeps the 1e-4
tolerance meaningful. The ViT fixture is small enough to keep its float32 init as is.
"""
import os

import numpy
import torch
import torchvision
from torchvision.models.vision_transformer import VisionTransformer

HERE = os.path.dirname(os.path.abspath(__file__))


def ternarise(model):
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
                w = module.weight
                s = w.abs().mean()
                t = torch.sign(w) * s * (w.abs() > s / 2)
                w.copy_(t.half().float())
                if module.bias is not None:
                    module.bias.copy_(module.bias.half().float())


def calibrate(model, size, batches=4):
    """Cumulative BatchNorm statistics over random batches, then eval mode."""
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.reset_running_stats()
            m.momentum = None
    model.train()
    with torch.no_grad():
        for _ in range(batches):
            model(torch.randn(8, 3, size, size))
    model.eval()


def save(name, model, x, half_weights):
    model.eval()
    with torch.no_grad():
        logits = model(x)
    arrays = {}
    for k, v in model.state_dict().items():
        if k.endswith("num_batches_tracked"):
            continue
        a = v.numpy()
        # Ternarised weights are exact in float16; statistics and the ViT stay float32.
        if half_weights and k.endswith("weight") and a.ndim >= 2:
            a = a.astype(numpy.float16)
        arrays[k] = a
    arrays["__input__"] = x.numpy().astype(numpy.float32)
    arrays["__logits__"] = logits.numpy().astype(numpy.float32)
    path = os.path.join(HERE, name + ".npz")
    numpy.savez_compressed(path, **arrays)
    print(name, os.path.getsize(path), "bytes, logits range", float(logits.min()), float(logits.max()))


def main():
    torch.manual_seed(20240601)
    resnet = torchvision.models.resnet18(num_classes=10)
    ternarise(resnet)
    calibrate(resnet, 64)
    save("resnet18", resnet, torch.randn(2, 3, 64, 64), True)

    torch.manual_seed(20240602)
    mobilenet = torchvision.models.mobilenet_v2(num_classes=10)
    ternarise(mobilenet)
    calibrate(mobilenet, 64)
    save("mobilenet_v2", mobilenet, torch.randn(2, 3, 64, 64), True)

    torch.manual_seed(20240603)
    vit = VisionTransformer(image_size=32, patch_size=8, num_layers=2, num_heads=2, hidden_dim=64, mlp_dim=128,
                            num_classes=10)
    # torchvision initialises the head to zero; random values make the logits depend on it.
    with torch.no_grad():
        vit.heads.head.weight.normal_(0, 0.1)
        vit.heads.head.bias.normal_(0, 0.1)
    save("vit_small", vit, torch.randn(2, 3, 32, 32), False)


if __name__ == "__main__":
    main()
