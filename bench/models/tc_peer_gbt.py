"""A non-neural peer for the Tc model on the same rows and split: gradient-boosted trees (LightGBM)
on Magpie-style composition features (fraction-weighted mean, mean absolute deviation, min, max and
range of elemental properties) plus the 118 fractions. It answers one question: how far does a strong,
well-known recipe for composition-only Tc get on our grouped split? Measuring tool only.

  node bench/models/export-tc-split.ts --out DIR [--split grouped|random]
  python bench/models/tc_peer_gbt.py DIR [--seeds 0,1,2] [--threads 2] [--json FILE]
Python: python3 -m venv /work/.venv-peer && /work/.venv-peer/bin/pip install lightgbm==4.7.0 numpy
(measured with numpy 2.4.6). The element table is read from $KIAGO_DATA_DIR or ../shared/data.
Seeds change LightGBM's bagging only; the split is the exported one.
"""
import argparse
import json
import os
import re
import sys
import time

import lightgbm as lgb
import numpy as np

SPLITS = ("train", "val", "test")
FAMILIES = ("cuprate", "iron-based", "hydride", "other")


def load_split(folder, name):
    x = np.fromfile(os.path.join(folder, f"{name}.x.f32"), dtype="<f4").reshape(-1, 118)
    y = np.fromfile(os.path.join(folder, f"{name}.y.f32"), dtype="<f4")
    with open(os.path.join(folder, f"{name}.json")) as handle:
        labels = json.load(handle)
    return x, y, np.array(labels["families"])


def leading_number(value):
    """pymatgen writes '1811 K', '7.09 cm<sup>3</sup>', 'no data': the number, or NaN."""
    match = re.match(r"\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)", str(value)) if value is not None else None
    return float(match.group(1)) if match else np.nan


def valence_counts(structure):
    """Electrons in s, p, d, f orbitals outside the noble-gas core, from e.g. '[Ar].3d6.4s2'."""
    counts = {"s": 0.0, "p": 0.0, "d": 0.0, "f": 0.0}
    for orbital in str(structure).split("."):
        match = re.match(r"^\d+([spdf])(\d+)$", orbital)
        if match:
            counts[match.group(1)] += float(match.group(2))
    return [counts["s"], counts["p"], counts["d"], counts["f"], sum(counts.values())]


def element_table(data_dir):
    """118 × P elemental properties in Z order (NaN filled with the column median)."""
    with open(os.path.join(data_dir, "elements", "pymatgen_periodic_table.json")) as handle:
        table = json.load(handle)
    by_z = {entry["Atomic no"]: entry for entry in table.values() if isinstance(entry, dict) and "Atomic no" in entry}
    rows = []
    for z in range(1, 119):
        entry = by_z.get(z, {})
        energies = entry.get("Ionization energies") or [np.nan]
        rows.append(
            [
                z,
                leading_number(entry.get("Atomic mass")),
                leading_number(entry.get("X")),
                leading_number(entry.get("Atomic radius")),
                leading_number(entry.get("Mendeleev no")),
                leading_number(entry.get("Melting point")),
                leading_number(entry.get("Molar volume")),
                leading_number(entry.get("Electron affinity")),
                leading_number(energies[0]),
                *valence_counts(entry.get("Electronic structure")),
            ]
        )
    props = np.array(rows, dtype=np.float64)
    medians = np.nanmedian(props, axis=0)
    return np.where(np.isnan(props), medians, props)


def features(x, props):
    present = x > 0
    mean = x @ props
    # Mean absolute deviation, per row: Σ_i x_i |p_i − mean| (loops over properties, not rows).
    mad = np.stack([(x * np.abs(props[:, j][None, :] - mean[:, j][:, None])).sum(axis=1) for j in range(props.shape[1])], axis=1)
    big = np.where(present[:, :, None], props[None, :, :], np.nan)
    low, high = np.nanmin(big, axis=1), np.nanmax(big, axis=1)
    count = present.sum(axis=1, keepdims=True).astype(np.float64)
    norms = np.stack([np.sqrt((x**2).sum(axis=1)), np.cbrt((x**3).sum(axis=1))], axis=1)
    return np.hstack([x, mean, mad, low, high, high - low, count, norms]).astype(np.float32)


def metrics(y, p, families):
    def block(mask):
        if mask.sum() == 0:
            return None
        err = p[mask] - y[mask]
        total = ((y[mask] - y[mask].mean()) ** 2).sum()
        return {
            "rows": int(mask.sum()),
            "mae": float(np.abs(err).mean()),
            "rmse": float(np.sqrt((err**2).mean())),
            "r2": float(1 - (err**2).sum() / total) if total > 0 else None,
        }

    sc = y > 0
    result = {"all": block(np.ones_like(sc)), "sc": block(sc), "scPredictedAbove0K": float((p[sc] > 0).mean())}
    result["scByFamily"] = {family: block(sc & (families == family)) for family in FAMILIES}
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()
    data_dir = os.environ.get("KIAGO_DATA_DIR") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")
    props = element_table(data_dir)
    splits = {name: load_split(args.folder, name) for name in SPLITS}
    feats = {name: features(splits[name][0], props) for name in SPLITS}
    with open(os.path.join(args.folder, "meta.json")) as handle:
        meta = json.load(handle)
    runs = []
    for seed in [int(s) for s in args.seeds.split(",")]:
        started = time.time()
        params = {
            "objective": "regression",
            "learning_rate": 0.03,
            "num_leaves": 127,
            "min_data_in_leaf": 10,
            "bagging_fraction": 0.8,
            "bagging_freq": 1,
            "feature_fraction": 0.5,
            "seed": seed,
            "num_threads": args.threads,
            "verbose": -1,
        }
        train = lgb.Dataset(feats["train"], splits["train"][1])
        val = lgb.Dataset(feats["val"], splits["val"][1], reference=train)
        model = lgb.train(params, train, 5000, valid_sets=[val], callbacks=[lgb.early_stopping(100, verbose=False)])
        test_x, test_y, test_families = feats["test"], splits["test"][1], splits["test"][2]
        prediction = np.maximum(model.predict(test_x, num_iteration=model.best_iteration), 0)
        run = {"seed": seed, "trees": int(model.best_iteration), "seconds": round(time.time() - started, 1)}
        run["test"] = metrics(test_y, prediction, test_families)
        runs.append(run)
        t = run["test"]
        print(
            f"seed {seed}: {run['trees']} trees, {run['seconds']} s | test R² {t['all']['r2']:.3f}, MAE {t['all']['mae']:.2f} K"
            f" | SC MAE {t['sc']['mae']:.2f} K, SC R² {t['sc']['r2']:.3f} | cuprate SC MAE {t['scByFamily']['cuprate']['mae']:.2f} K",
            flush=True,
        )
    r2 = np.array([r["test"]["all"]["r2"] for r in runs])
    sc_mae = np.array([r["test"]["sc"]["mae"] for r in runs])
    spread = lambda a: float(a.std(ddof=1)) if len(a) > 1 else 0.0
    print(f"{meta['split']} split (splitHash {meta['splitHash'][:12]}…): test R² {r2.mean():.3f} ± {spread(r2):.3f}, SC MAE {sc_mae.mean():.2f} ± {spread(sc_mae):.2f} K over {len(runs)} seeds")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"meta": meta, "runs": runs}, handle, indent=2)


if __name__ == "__main__":
    sys.exit(main())
