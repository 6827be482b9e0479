"""Spark needs a Java runtime. Without ``java`` on the PATH, the Spark tests and
examples are skipped with the reason; CI sets ``ARNORM_REQUIRE_SPARK=1`` (and
installs a JRE), so there they can never be skipped."""

from __future__ import annotations

import os
import shutil

import pytest

SPARK_FILES = {"test_spark.py", "spark.py", "spark.md"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("java") is not None:
        return
    if os.environ.get("ARNORM_REQUIRE_SPARK"):
        raise pytest.UsageError("ARNORM_REQUIRE_SPARK is set, but java is not on the PATH")
    skip = pytest.mark.skip(reason="java is not on the PATH: Spark needs a Java runtime "
                                   "(Debian/Ubuntu: apt-get install default-jre-headless)")
    for item in items:
        if item.path.name in SPARK_FILES:
            item.add_marker(skip)
