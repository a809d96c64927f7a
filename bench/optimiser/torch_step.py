#!/usr/bin/env python3
"""PyTorch peer of KIAGO's optimiser step: a measuring tool, run beside ours by compare-torch.ts.

It builds the same two networks as packages/optimiser/src/models:
- Tc: ResNet18 on the 4 × 7 × 32 atom-map image (tc-model.ts), with either stem: `wide` (7×7 conv,
  stride 1, no max-pool) or `reference` (torchvision's: 7×7 conv stride 2, 3×3/2 max-pool). The
  atom map is ours when --peer-inputs names the file compare-torch.ts exports; otherwise a random
  fixed 118 × 896 one-pixel-per-element map (the same dense matmul, so the same cost; said in the output).
  Padding is PyTorch's symmetric k // 2 where ours is TF's 'same': same output shapes, same FLOPs.
- ElemNet: 17 dense layers, 86 → 1024×4 → 512×3 → 256×3 → 128×3 → 64×2 → 32 → 1 (elemnet.ts) at
  the given width, reading the 86 ElemNet elements out of the 118-long composition (dropout: eval, none).
Both in eval mode, weights frozen (requires_grad False: input gradients only, as ours), batch-norm
folded into the convs by default (as our inference does; --bn kept leaves it in).

One step is our β = 0 step (optimiser-step.ts) without the integer loss: per micro-batch of logits L,
x = norm(norm(L) ⊙ M_opt), loss = Σ(−Tc(x) + α·Ef(x)) / B, torch.autograd.grad w.r.t. L; then one
Adam step on L. Eager mode, float32. For each B it sweeps the micro-batches and reports the best.
Prints progress on stderr and one JSON object on stdout.
"""

import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_eval

ELEMENTS = 118
IMAGE = (4, 7, 32)  # channels s/p/d/f, period − 1, long-form column − 1 (ours is NHWC: the same image)
STAGES = (64, 128, 256, 512)
ELEMNET_GROUPS = ((1024, 4), (512, 3), (256, 3), (128, 3), (64, 2), (32, 1))
ALPHA = 1.0  # the Ef weight; its value does not change the cost


def scaled(base, width):
    """model-options.ts `scaled`: JS Math.round (halves up), at least 1."""
    return max(1, int(base * width + 0.5))


def conv_bn(cin, cout, kernel, stride):
    conv = nn.Conv2d(cin, cout, kernel, stride, kernel // 2, bias=False)
    return nn.Sequential(conv, nn.BatchNorm2d(cout, eps=1e-5))  # PyTorch's BN defaults, as ours


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1, self.conv2 = conv_bn(cin, cout, 3, stride), conv_bn(cout, cout, 3, 1)
        self.shortcut = conv_bn(cin, cout, 1, stride) if stride != 1 or cin != cout else nn.Identity()

    def forward(self, x):
        return torch.relu(self.conv2(torch.relu(self.conv1(x))) + self.shortcut(x))


class TcNet(nn.Module):
    def __init__(self, atom_map, width, stem):
        super().__init__()
        self.register_buffer("atom_map", atom_map)
        channels = scaled(64, width)
        stem_layers = [conv_bn(IMAGE[0], channels, 7, 2 if stem == "reference" else 1), nn.ReLU()]
        if stem == "reference":
            stem_layers.append(nn.MaxPool2d(3, 2, 1))
        self.stem = nn.Sequential(*stem_layers)
        blocks = []
        for stage, base in enumerate(STAGES):
            for block in range(2):
                blocks.append(BasicBlock(channels, scaled(base, width), 2 if stage > 0 and block == 0 else 1))
                channels = scaled(base, width)
        self.blocks = nn.Sequential(*blocks)
        self.head = nn.Linear(channels, 1)
        self.memory_format = torch.contiguous_format

    def forward(self, x):
        image = (x @ self.atom_map).view(-1, *IMAGE).contiguous(memory_format=self.memory_format)
        return torch.relu(self.head(self.blocks(self.stem(image)).mean((2, 3)))).squeeze(1)


class ElemNet(nn.Module):
    def __init__(self, indices, width):
        super().__init__()
        self.register_buffer("indices", torch.tensor(indices))
        layers, units_in = [], len(indices)
        for units, count in ELEMNET_GROUPS:
            for _ in range(count):
                layers += [nn.Linear(units_in, scaled(units, width)), nn.ReLU()]
                units_in = scaled(units, width)
        self.net = nn.Sequential(*layers, nn.Linear(units_in, 1))

    def forward(self, x):
        return self.net(x.index_select(1, self.indices)).squeeze(1)


def fold_batch_norm(model):
    for pair in [m for m in model.modules() if isinstance(m, nn.Sequential) and len(m) == 2]:
        if isinstance(pair[1], nn.BatchNorm2d):
            pair[0], pair[1] = fuse_conv_bn_eval(pair[0], pair[1]), nn.Identity()


def forward_flops(model, x):
    """2 × multiply-adds of one candidate's forward pass, every kernel tap counted (our `nominal`)."""
    macs = [model.atom_map.numel() if isinstance(model, TcNet) else 0]

    def count(module, _inputs, output):
        if isinstance(module, nn.Conv2d):
            taps = module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]
            macs.append(output[0].numel() * taps)
        elif isinstance(module, nn.Linear):
            macs.append(module.in_features * module.out_features)

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(x[:1])
    for hook in hooks:
        hook.remove()
    return 2 * sum(macs)


def composition(logits):
    """composition-map.ts with M_max and M_opt all ones and nothing fixed: x = norm(norm(L))."""
    for _ in range(2):
        positive = torch.relu(logits)
        logits = positive / positive.sum(1, keepdim=True)
    return logits


def optimiser_step(logits, adam, tc_net, ef_net, micro_batch):
    grad = torch.empty_like(logits)
    for start in range(0, logits.shape[0], micro_batch):
        part = logits.detach()[start : start + micro_batch].requires_grad_()
        x = composition(part)
        loss = (-tc_net(x) + ALPHA * ef_net(x)).sum() / logits.shape[0]
        (grad[start : start + micro_batch],) = torch.autograd.grad(loss, part)
    logits.grad = grad
    adam.step()


def step_seconds(tc_net, ef_net, batch, micro_batch, args):
    logits = nn.Parameter(torch.rand(batch, ELEMENTS))
    adam = torch.optim.Adam([logits], lr=0.05, betas=(0.9, 0.999), eps=1e-8)
    times = []
    for step in range(args.warmup + args.steps):
        started = time.perf_counter()
        optimiser_step(logits, adam, tc_net, ef_net, micro_batch)
        times.append(time.perf_counter() - started)
        if times[-1] > args.max_step_seconds:
            return None, f"one step took {times[-1]:.0f} s"
    return statistics.median(times[args.warmup :]), None


def peer_inputs(path):
    if path is None:
        generator = torch.Generator().manual_seed(0)
        atom_map = torch.zeros(ELEMENTS, IMAGE[0] * IMAGE[1] * IMAGE[2])
        pixels = torch.randperm(atom_map.shape[1], generator=generator)[:ELEMENTS]
        atom_map[torch.arange(ELEMENTS), pixels] = 1
        return atom_map, list(range(86)), "random fixed one-pixel-per-element map, ElemNet on the first 86 elements"
    with open(path) as file:
        inputs = json.load(file)
    atom_map = torch.tensor(inputs["atomMap"], dtype=torch.float32).view(ELEMENTS, -1)
    return atom_map, inputs["elemnetIndices"], f"ours ({inputs['atomMapId']})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    csv = lambda kind: lambda text: [kind(v) for v in text.split(",") if v]  # noqa: E731
    parser.add_argument("--stems", type=csv(str), default=["wide", "reference"])
    parser.add_argument("--widths", type=csv(float), default=[0.25, 1.0])
    parser.add_argument("--ef-width", default="tc", help="ElemNet width, or 'tc' for each cell's Tc width")
    parser.add_argument("--batches", type=csv(int), default=[256, 1024, 4096])
    parser.add_argument("--micro-batches", type=csv(int), default=[64, 128, 256, 512, 1024])
    parser.add_argument("--steps", type=int, default=3, help="timed steps per (B, micro-batch): the median")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--max-step-seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, help="torch.set_num_threads (default: PyTorch's own choice)")
    parser.add_argument("--bn", choices=["folded", "kept"], default="folded")
    parser.add_argument("--channels-last", action="store_true")
    parser.add_argument("--peer-inputs", help="JSON: atomMap (118 × 896, NCHW), elemnetIndices, atomMapId")
    args = parser.parse_args()
    if any(stem not in ("wide", "reference") for stem in args.stems):
        parser.error(f"--stems: wide or reference, got {args.stems}")
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    atom_map, elemnet_indices, atom_map_source = peer_inputs(args.peer_inputs)
    memory_format = torch.channels_last if args.channels_last else torch.contiguous_format
    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "batchNorm": args.bn,
        "memoryFormat": "channels_last" if args.channels_last else "contiguous (NCHW)",
        "atomMap": atom_map_source,
        "cells": [],
    }
    print(f"PyTorch {result['torch']}, {result['threads']} threads, BN {args.bn}, atom map: {atom_map_source}",
          file=sys.stderr)
    for stem in args.stems:
        for width in args.widths:
            ef_width = width if args.ef_width == "tc" else float(args.ef_width)
            tc_net = TcNet(atom_map, width, stem).eval().to(memory_format=memory_format)
            tc_net.memory_format = memory_format
            ef_net = ElemNet(elemnet_indices, ef_width).eval()
            for model in (tc_net, ef_net):
                model.requires_grad_(False)
            if args.bn == "folded":
                fold_batch_norm(tc_net)
            probe = composition(torch.rand(2, ELEMENTS))
            cell = {"stem": stem, "width": width, "efWidth": ef_width}
            cell["tcForwardFlops"] = forward_flops(tc_net, probe)
            cell["efForwardFlops"] = forward_flops(ef_net, probe)
            for batch in args.batches:
                sweep = sweep_micro_batches(tc_net, ef_net, batch, cell, args)
                result["cells"].append({**cell, "batch": batch, **sweep})
    print(json.dumps(result))


def sweep_micro_batches(tc_net, ef_net, batch, cell, args):
    """Every micro-batch up to B (the whole batch once for those above), and the fastest."""
    sweep = []
    for micro_batch in sorted({min(m, batch) for m in args.micro_batches}):
        seconds, skipped = step_seconds(tc_net, ef_net, batch, micro_batch, args)
        sweep.append({"microBatch": micro_batch, "stepSeconds": seconds, "skipped": skipped})
        label = f"{cell['stem']} w {cell['width']} (Ef w {cell['efWidth']}) B={batch} micro-batch {micro_batch}"
        print(f"torch {label}: {skipped or f'{batch / seconds:.1f} candidate-steps/s'}", file=sys.stderr)
    timed = [s for s in sweep if s["stepSeconds"]]
    best = min(timed, key=lambda s: s["stepSeconds"]) if timed else None
    rate = best and {"microBatch": best["microBatch"], "candidateStepsPerSecond": batch / best["stepSeconds"]}
    return {"sweep": sweep, "best": rate}


if __name__ == "__main__":
    main()
