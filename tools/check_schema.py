#!/usr/bin/env python3
"""Check scenario files against scenarios/schema.json (what editors see as people type).

Full scenarios must match the schema exactly. Variants (files with "extends") are
checked after merging onto their parent, the way the loader merges them.
Usage: check_schema.py SCHEMA FILE...
"""
import json
import os
import sys

import jsonschema


def merge(base, patch):
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return patch
    out = dict(base)
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        elif key in out and isinstance(value, dict) and isinstance(out[key], dict):
            out[key] = merge(out[key], value)
        elif (key in out and isinstance(value, list) and isinstance(out[key], list) and value
              and all(isinstance(e, dict) and "id" in e for e in value)):
            items = list(out[key])
            for element in value:
                idx = next((i for i, e in enumerate(items) if isinstance(e, dict) and e.get("id") == element["id"]), None)
                if element.get("remove") is True:
                    if idx is not None:
                        items.pop(idx)
                elif idx is None:
                    items.append(element)
                else:
                    items[idx] = merge(items[idx], element)
            out[key] = items
        else:
            out[key] = value
    return out


def resolve(path, depth=0):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    parent = doc.pop("extends", None)
    if parent is None or depth > 8:
        return doc
    return merge(resolve(os.path.join(os.path.dirname(path), parent), depth + 1), doc)


def main():
    schema_path, files = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in files:
        errors = list(validator.iter_errors(resolve(path)))
        for e in errors[:20]:
            pointer = "/" + "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: {pointer}: {e.message[:300]}")
        bad += bool(errors)
        if not errors:
            print(f"ok: {path}")
    print(f"{len(files) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
