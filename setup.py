"""The package list, which pyproject.toml alone cannot give: every ``teamlead*`` package of the checkout plus
``teamlead.resources``, the top-level ``resources/`` folder mapped into the package (``[tool.setuptools]
package-dir``), with its folders (fonts, icons, translations...) as data-only packages. Everything else about
the build is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

RESOURCES = ["teamlead.resources"] + [
    f"teamlead.resources.{name}"
    for name in find_namespace_packages(where="resources", exclude=["*__pycache__*"])
]

# Namespace packages too (as pyproject's find did): the migration scripts' folder has no __init__.py.
CODE = find_namespace_packages(include=["teamlead", "teamlead.*"], exclude=["*__pycache__*"])

setup(packages=[*CODE, *RESOURCES])
