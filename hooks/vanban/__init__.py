"""Kho văn bản: the library behind the site build, the ``vanban`` command and the tests.

Data flow, one module per stage: ``loader`` → ``validate`` → ``resolve`` → ``catalogue``,
then ``render`` (pages and data files). ``text`` owns Vietnamese text keys and slugs.
"""

__version__ = "0.1.0"
