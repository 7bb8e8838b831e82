"""For `scrapyd-deploy`, which builds its egg with `python setup.py bdist_egg`; everything about the
package (modules, the Scrapy entry point, the story configs in data/stories/) is in pyproject.toml."""
from setuptools import setup

setup()
