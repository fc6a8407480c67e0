"""Python values to the text the engine reads: lever settings and months."""

import datetime
import numbers

import numpy as np
import pandas as pd


def month_text(value, name):
    """'YYYY-MM' from a string, date, datetime, pandas Timestamp or Period; None stays None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, pd.Period):
        return value.strftime("%Y-%m")
    if isinstance(value, (datetime.date, pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value).strftime("%Y-%m")
    raise TypeError(f"{name} expects a month such as '2027-01' (or a date), got {value!r}")


def value_text(value):
    """One lever value as the command line writes it: on/off, 0.9, 2026-01, never, an option."""
    if isinstance(value, (bool, np.bool_)):
        return "on" if value else "off"
    if isinstance(value, numbers.Number):
        return repr(float(value))  # shortest text that reads back to the same double
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime.date, pd.Timestamp, pd.Period, np.datetime64)):
        return month_text(value, "a month lever")
    raise TypeError(f"cannot use {value!r} as a lever value (use a string as on the command line, "
                    "a bool, a number or a date)")


def lever_args(levers):
    """{id: value} -> ["id=value", ...] as `--lever` takes them.

    A value may be a string in the CLI's syntax ("on@2027-01"), a bool, a number, a date,
    a list of such values (a schedule: ["0.5", "0.9@2026-01"]) or a dict {month: value}
    ({None: 0.5, "2026-01": 0.9}), where None is "from the start".
    """
    if levers is None:
        return []
    if not isinstance(levers, dict):
        raise TypeError(f"levers must be a dict {{id: value}}, got {type(levers).__name__}")
    args = []
    for lever_id, value in levers.items():
        if isinstance(value, (dict, list, tuple)) and len(value) == 0:
            raise ValueError(f"levers[{lever_id!r}] is empty: give a value, or leave the lever out")
        if isinstance(value, dict):
            for month, v in value.items():
                at = "" if month is None else "@" + month_text(month, f"the month of lever {lever_id}")
                args.append(f"{lever_id}={value_text(v)}{at}")
        elif isinstance(value, (list, tuple)):
            args.extend(f"{lever_id}={value_text(v)}" for v in value)
        else:
            args.append(f"{lever_id}={value_text(value)}")
    return args


def month_index(start, months):
    """The monthly DatetimeIndex (first day of each month) named 'month'."""
    return pd.date_range(pd.Timestamp(start + "-01"), periods=months, freq="MS", name="month")


def whole_number(value, name, least=0):
    """`value` as an int of at least `least`; 1.5 or "2" is a TypeError, not rounded away."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            value = int(value)
        else:
            raise TypeError(f"{name} must be a whole number, got {value!r}")
    value = int(value)
    if value < least:
        raise ValueError(f"{name} must be {least} or more, got {value}")
    return value


def threads_arg(threads):
    """The threads argument of every parallel call: 0 (one per core) or more."""
    return whole_number(threads, "threads (0 = one per core)", 0)
