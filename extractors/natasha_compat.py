"""Import natasha without pymorphy2.

natasha 1.6 imports ``pymorphy2``, whose dictionary lookup imports ``pkg_resources``;
setuptools 82 removed that module, so ``import natasha`` fails on a current
environment. pymorphy3 is the maintained fork with the same API, so before natasha
is imported we register pymorphy3 under the old module names. pymorphy2 stays
installed (natasha declares it) but is never imported, and the setuptools version no
longer matters.
"""

from __future__ import annotations

import sys
from types import ModuleType


def alias_pymorphy2() -> None:
    """Make ``import pymorphy2`` resolve to pymorphy3 (idempotent)."""
    if isinstance(sys.modules.get("pymorphy2"), ModuleType) and getattr(
        sys.modules["pymorphy2"], "__name__", ""
    ).startswith("pymorphy3"):
        return
    import pymorphy3
    import pymorphy3.analyzer

    sys.modules["pymorphy2"] = pymorphy3
    sys.modules["pymorphy2.analyzer"] = pymorphy3.analyzer


def import_natasha() -> ModuleType:
    alias_pymorphy2()
    import natasha

    return natasha
