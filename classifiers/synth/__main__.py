"""Write the synthetic corpus: python -m classifiers.synth [OUT_DIR]."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from classifiers.synth.generate import generate

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "corpus"


def main(out_dir: Path = DEFAULT_OUT) -> None:
    """Write train.jsonl and test.jsonl under `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        split: (out_dir / f"{split}.jsonl").open("w", encoding="utf-8")
        for split in ("train", "test")
    }
    try:
        for doc in generate():
            files[doc["split"]].write(json.dumps(doc, ensure_ascii=False) + "\n")
    finally:
        for handle in files.values():
            handle.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
