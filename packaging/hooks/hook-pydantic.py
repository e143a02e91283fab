"""pydantic imports its own modules by name, so all are collected, except the pydantic v1 copy and the
mypy and hypothesis plugins, which would pull in those development tools."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules(
    "pydantic", filter=lambda name: not name.startswith(("pydantic.v1", "pydantic.mypy", "pydantic._hypothesis"))
)
