"""A sweep and a plot: China's training compute against US export enforcement, with and
without remote-access controls, plus the Monte Carlo band of the baseline.

    PYTHONPATH=build/python python3 examples/sweep_enforcement.py --out sweep.png
"""

import argparse
import pathlib

import matplotlib.pyplot as plt
import numpy as np

import chokepoint

ROOT = pathlib.Path(__file__).resolve().parents[1]
SERIES = "bloc/china/compute_train_h100e"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenario", default=str(ROOT / "scenarios" / "baseline.json"))
    p.add_argument("--month", default="2028-12")
    p.add_argument("--runs", type=int, default=200, help="Monte Carlo runs for the band")
    p.add_argument("--out", default="sweep.png")
    args = p.parse_args()

    s = chokepoint.load(args.scenario)
    enforcement = np.linspace(0, 1, 11)
    table = s.sweep({"us.remote_access_control": ["off", "on@2026-01"], "us.export_enforcement": enforcement},
                    end=args.month, metrics=SERIES)
    last = table[table.month == table.month.max()]

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    for setting, rows in last.groupby("us.remote_access_control"):
        left.plot(rows["us.export_enforcement"], rows["value"] / 1e6, marker="o", label=f"remote access {setting}")
    left.set_xlabel("US export enforcement (lever us.export_enforcement)")
    left.set_ylabel(f"China training compute in {args.month} (million H100e)")
    left.legend()

    band = s.mc(runs=args.runs, end=args.month, metrics=SERIES).set_index("month")
    right.fill_between(band.index, band.p10 / 1e6, band.p90 / 1e6, alpha=0.3, label="p10..p90")
    right.plot(band.index, band.p50 / 1e6, label="median")
    right.plot(s.run(end=args.month).series(*SERIES.split("/")) / 1e6, "--", label="deterministic run")
    right.set_ylabel("China training compute (million H100e)")
    right.set_title(f"{args.runs} Monte Carlo runs")
    right.legend()
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(last.pivot(index="us.export_enforcement", columns="us.remote_access_control", values="value").to_string())
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
