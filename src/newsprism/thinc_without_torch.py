"""Keep spaCy's thinc from importing PyTorch just to find out whether it is there.

``thinc.compat`` imports torch when it is installed (to offer GPU and PyTorch layers). The
pipelines newsprism loads (en_core_web_sm) run on thinc's NumPy ops and never touch it; torch
is here only for the optional MiniLM and NLI backends, which import it themselves. The probe
cost every process that parses about 200 MB and a second of start-up (measured here: torch
207 MB RSS; spaCy and its model 148 MB without it), so a 2-worker Dask run carried three copies.

``install()`` adds a finder that, while ``thinc.compat`` is first imported and only if torch
is not imported yet, makes ``import torch`` fail inside that module; thinc then records
``has_torch = False``. Any later ``import torch`` elsewhere works as usual. Set
``NEWSPRISM_THINC_TORCH=1`` to leave thinc alone (a GPU or PyTorch-based spaCy pipeline).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys


class _WithoutTorch(importlib.abc.Loader):
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        blocked = "torch" not in sys.modules
        if blocked:
            sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
        try:
            self._loader.exec_module(module)
        finally:
            if blocked and sys.modules.get("torch", 0) is None:
                del sys.modules["torch"]


class _ThincCompatFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "thinc.compat" or "torch" in sys.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _WithoutTorch(spec.loader)
        return spec


def install() -> None:
    """Idempotent; does nothing once thinc is imported or when the environment opts out."""
    if os.environ.get("NEWSPRISM_THINC_TORCH") == "1" or "thinc.compat" in sys.modules:
        return
    if not any(isinstance(f, _ThincCompatFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _ThincCompatFinder())
