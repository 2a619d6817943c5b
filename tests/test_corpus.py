"""The corpus recipes of docs/corpus.md: process pools, batched maps, Hugging Face datasets and Spark."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import vntext
from vntext import Analyzer, Normalizer

DOCS = ["Hoà bình thuỷ chung", "UBND tỉnh Hoà Bình", "Chiều 5-8, ông Nguyễn Văn Thể phát biểu."] * 20


def test_process_pool_keeps_order() -> None:
    analyzer = Analyzer()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(analyzer.analyze, DOCS, chunksize=4))
    assert [d.text for d in results] == [vntext.normalize(t) for t in DOCS]


def test_batched_map_recipe() -> None:
    normalizer = Normalizer(tone_style="new")

    def normalize_batch(batch: dict[str, list[str]]) -> dict[str, list[str]]:
        return {"text": [normalizer.normalize(t) for t in batch["text"]]}

    assert normalize_batch({"text": DOCS[:3]})["text"] == ["Hòa bình thủy chung", "UBND tỉnh Hòa Bình", DOCS[2]]


@pytest.mark.skipif(importlib.util.find_spec("datasets") is None, reason="datasets is not installed (an extra)")
def test_datasets_map_recipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # pragma: no cover
    # docs/corpus.md's recipe as written, with two processes: the mapped function and the Normalizer it
    # uses are shipped to the workers.
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path))
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    from datasets import Dataset, disable_progress_bars

    disable_progress_bars()
    normalizer = Normalizer(tone_style="new")

    def normalize_batch(batch: dict[str, list[str]]) -> dict[str, list[str]]:
        return {"text": [normalizer.normalize(t) for t in batch["text"]]}

    dataset = Dataset.from_dict({"text": DOCS, "id": list(range(len(DOCS)))})
    dataset = dataset.map(normalize_batch, batched=True, num_proc=2)
    assert dataset["text"] == [vntext.normalize(t) for t in DOCS]
    assert dataset["id"] == list(range(len(DOCS)))


def _spark_missing() -> str | None:
    for module in ("pyspark", "pandas", "pyarrow"):  # mapInPandas moves batches with Arrow
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        return "Spark needs a Java runtime (java not on PATH, JAVA_HOME unset)"
    return None


@pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))
def test_spark_local_mode(monkeypatch: pytest.MonkeyPatch) -> None:  # pragma: no cover - needs pyspark, a JVM
    from pyspark.sql import SparkSession

    # Spark's Python workers run `python3` from PATH unless told otherwise: give them this interpreter,
    # where vntext is installed (docs/corpus.md says the same for clusters).
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[2]").appName("vntext-test").getOrCreate()
    try:
        normalizer = Normalizer()
        df = spark.createDataFrame([(t,) for t in DOCS], ["text"])

        def normalize_partitions(frames):  # type: ignore[no-untyped-def]
            for frame in frames:
                frame["text"] = frame["text"].map(normalizer.normalize)
                yield frame

        out = [r.text for r in df.mapInPandas(normalize_partitions, schema=df.schema).collect()]
        assert sorted(out) == sorted(vntext.normalize(t) for t in DOCS)
    finally:
        spark.stop()
