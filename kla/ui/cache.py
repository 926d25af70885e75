"""Charts built once per distinct input and shared by every session (``st.cache_resource``).

Building a plotly figure is the costliest part of a rerun (the Ringkasan trend alone takes 80-200
ms of plotly's property validation, by machine load), while its inputs rarely change: the same data,
year and language give the same chart. ``cached(charts.total_trend)(totals, ...)`` builds it
the first time and returns the same :class:`kla.charts.Chart` afterwards. Streamlit hashes the
arguments (data frames included), so new data or another choice builds a new chart.

A cached chart is shared: never change it in place (copy the figure first).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from kla.loading import fingerprint

T = TypeVar("T")
MAX_CHARTS = 512  # a few hundred choices (pages x years x metrics x languages) fit in little memory


@st.cache_resource(max_entries=MAX_CHARTS, show_spinner=False)
def _build(module: str, name: str, args: tuple, kwargs: dict) -> Any:
    return getattr(importlib.import_module(module), name)(*args, **kwargs)


def cached(builder: Callable[..., T]) -> Callable[..., T]:
    """``builder`` with its result cached per distinct arguments (a pure function of its inputs)."""

    @functools.wraps(builder)
    def call(*args: Any, **kwargs: Any) -> T:
        return _build(builder.__module__, builder.__name__, args, kwargs)

    return call


def data_key(data: Any) -> tuple:
    """What identifies a dataset's content: its stored version (immutable), else its folder and the
    size and time of every file in it.

    Hashing the tables themselves would cost more than some computations.
    """
    if getattr(data, "version", None) is not None:
        return ("versi", str(data.folder), data.version.number)  # the folder names the store too
    return str(data.folder), fingerprint(data.folder)


@st.cache_resource(max_entries=MAX_CHARTS, show_spinner=False)
def _build_on_data(module: str, name: str, _data: Any, key: tuple, args: tuple, kwargs: dict) -> Any:
    return getattr(importlib.import_module(module), name)(_data, *args, **kwargs)


def cached_on_data(builder: Callable[..., T]) -> Callable[..., T]:
    """Like :func:`cached` for functions whose first argument is the Dataset (keyed by :func:`data_key`)."""

    @functools.wraps(builder)
    def call(data: Any, *args: Any, **kwargs: Any) -> T:
        return _build_on_data(builder.__module__, builder.__name__, data, data_key(data), args, kwargs)

    return call
