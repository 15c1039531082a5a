"""PyTorch peer of `adabet bench train` (run by it with Debian's /usr/bin/python3 + python3-torch).

Writes the project's convnet_s and resnet8 (width 16; common/.../model/Architectures.java and
ResNets.java: bias-free 3x3 convolutions each followed by BatchNorm, projection shortcuts) and
times the same training loop as org.adabet.retrain.Trainer: SGD with momentum 0.9, weight decay
5e-4, cosine decay per step from 0.01, a seeded shuffle per epoch, the last incomplete batch
dropped, a test pass (batches of 256, inference mode) after every epoch. Frozen layers run in
inference mode, as the project's do. One intra-op and one inter-op thread.

Prints one line per timed run: "ms=<milliseconds>" (model building and data generation excluded).
"""
import argparse
import math
import time

import torch
from torch import nn


def conv_bn(cin, cout, stride):
    return [nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout)]


class ConvnetS(nn.Module):
    def __init__(self, width, classes):
        super().__init__()
        channels = [width, 2 * width, 2 * width, 4 * width, 4 * width]
        strides = [1, 2, 1, 2, 1]
        layers, cin = [], 3
        for c, s in zip(channels, strides):
            layers += conv_bn(cin, c, s) + [nn.ReLU()]
            cin = c
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(cin, classes)

    def forward(self, x):
        return self.classifier(self.features(x).mean(dim=(2, 3)))


class Basic(nn.Module):
    def __init__(self, cin, planes, stride):
        super().__init__()
        self.conv1, self.bn1 = conv_bn(cin, planes, stride)
        self.conv2, self.bn2 = conv_bn(planes, planes, 1)
        self.downsample = None
        if stride != 1 or cin != planes:
            self.downsample = nn.Sequential(
                nn.Conv2d(cin, planes, 1, stride, 0, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        y = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu(y + (x if self.downsample is None else self.downsample(x)))


class ResNet8(nn.Module):
    def __init__(self, width, classes):
        super().__init__()
        self.conv1, self.bn1 = conv_bn(3, width, 1)
        self.layer1 = nn.Sequential(Basic(width, width, 1))
        self.layer2 = nn.Sequential(Basic(width, 2 * width, 2))
        self.layer3 = nn.Sequential(Basic(2 * width, 4 * width, 2))
        self.fc = nn.Linear(4 * width, classes)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(x.mean(dim=(2, 3)))


def set_modes(model, trainable, training):
    """Training mode only for trainable modules; frozen BatchNorm keeps its statistics."""
    for name, module in model.named_modules():
        module.training = training and name in trainable


def run_once(model, trainable, train_x, train_y, test_x, test_y, epochs, batch, generator):
    params = [p for n, p in model.named_parameters() if n.rsplit(".", 1)[0] in trainable]
    for p in model.parameters():
        p.requires_grad_(False)
    for p in params:
        p.requires_grad_(True)
    base_lr = 0.01
    opt = torch.optim.SGD(params, lr=base_lr, momentum=0.9, weight_decay=5e-4)
    loss_fn = nn.CrossEntropyLoss()
    per_epoch = train_x.shape[0] // batch
    total = per_epoch * epochs
    step = 0
    start = time.perf_counter()
    for _ in range(epochs):
        set_modes(model, trainable, True)
        order = torch.randperm(train_x.shape[0], generator=generator)
        for b in range(per_epoch):
            idx = order[b * batch:(b + 1) * batch]
            for g in opt.param_groups:
                g["lr"] = base_lr * 0.5 * (1 + math.cos(math.pi * step / total))
            opt.zero_grad(set_to_none=False)
            loss = loss_fn(model(train_x[idx]), train_y[idx])
            loss.backward()
            opt.step()
            step += 1
        set_modes(model, trainable, False)
        correct = 0
        with torch.no_grad():
            for f in range(0, test_x.shape[0], 256):
                pred = model(test_x[f:f + 256]).argmax(1)
                correct += int((pred == test_y[f:f + 256]).sum())
    return (time.perf_counter() - start) * 1000.0


# The Java side's middle layers: convnet_s "features.2.conv" is the third conv (Sequential index 6).
MIDDLE_LAYER = {"convnet_s": "features.6", "resnet8": "layer2.0.conv1"}


def case_layers(model, arch, case):
    """Module names trained in a case: every module with parameters, the head, or one conv."""
    if case == "full":
        return {n for n, m in model.named_modules() if any(True for _ in m.parameters(False))}
    if case == "head":
        return {"classifier" if arch == "convnet_s" else "fc"}
    return {MIDDLE_LAYER[arch]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", required=True, choices=["convnet_s", "resnet8"])
    ap.add_argument("--case", required=True, choices=["full", "head", "middle"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--train", type=int, default=300)
    ap.add_argument("--test", type=int, default=500)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--size", type=int, default=32)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    g = torch.Generator().manual_seed(1)
    train_x = torch.randn(args.train, 3, args.size, args.size, generator=g)
    train_y = torch.randint(0, 10, (args.train,), generator=g)
    test_x = torch.randn(args.test, 3, args.size, args.size, generator=g)
    test_y = torch.randint(0, 10, (args.test,), generator=g)
    for _ in range(args.runs):
        model = (ConvnetS if args.arch == "convnet_s" else ResNet8)(16, 10)
        trainable = case_layers(model, args.arch, args.case)
        ms = run_once(model, trainable, train_x, train_y, test_x, test_y, args.epochs,
                      args.batch, g)
        print("ms=%.3f" % ms, flush=True)


if __name__ == "__main__":
    main()
