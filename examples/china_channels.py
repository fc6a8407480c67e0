"""The dashboard's "China's compute by channel" chart, from Python, with matplotlib.

Runs the baseline and a variant in which the US controls remote access from 2026-01, and
draws China's compute by channel (stacked) for both, side by side.

    PYTHONPATH=build/python python3 examples/china_channels.py --out china_channels.png
"""

import argparse
import pathlib

import matplotlib.pyplot as plt

import chokepoint

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHANNELS = {  # metric -> label, as in the dashboard (src/app/core/chart_specs.cpp)
    "compute_home_nvidia_h100e": "Home: Nvidia",
    "compute_home_amd_h100e": "Home: AMD",
    "compute_home_huawei_h100e": "Home: Huawei",
    "compute_abroad_owned_h100e": "Owned abroad",
    "compute_leased_h100e": "Leased offshore",
    "compute_grey_h100e": "Grey market",
}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenario", default=str(ROOT / "scenarios" / "baseline.json"))
    p.add_argument("--out", default="china_channels.png")
    args = p.parse_args()

    s = chokepoint.load(args.scenario)
    runs = {
        "As in the scenario": s.run(),
        "Remote-access control from 2026-01": s.run(levers={"us.remote_access_control": "on@2026-01"}),
    }
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5), sharey=True)
    for ax, (title, r) in zip(axes, runs.items()):
        frame = r.wide(scope="bloc", id="china")[list(CHANNELS)].rename(columns=CHANNELS) / 1e6
        ax.stackplot(frame.index, frame.T.to_numpy(), labels=frame.columns)
        ax.set_title(title)
        ax.set_xlabel("month")
    axes[0].set_ylabel("million H100-equivalents")
    axes[0].legend(loc="upper left", fontsize="small")
    fig.suptitle(f"China's compute by channel ({s.name})")
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
