"""Fixtures for importer tests: the test catalog and the recorded corpus."""

from pathlib import Path

import pytest

from tests.importers.criteria_data import criteria_2566

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="session")
def criteria():
    return criteria_2566()


@pytest.fixture
def corpus():
    return CORPUS
