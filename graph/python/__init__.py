"""gcmkg from Python: open a build, run stored queries and SPARQL, describe an entity.

    >>> import gcmkg
    >>> kg = gcmkg.open("build")
    >>> rows = kg.query("session-participants", year=2024, session=2)
    >>> rows.columns
    ('name', 'iso3', 'role', 'organisation', 'via')
    >>> kg.sparql("SELECT ?s WHERE { ?s a gcm:Session }").to_pandas()   # with the pandas extra

In the wheel this folder is the package ``gcmkg`` itself; the command line and the stages are ``gcmkg.graph``.
"""

from gcmkg.knowledge import KnowledgeGraph, open
from gcmkg.rows import Entity, Rows, python_value

__all__ = ["Entity", "KnowledgeGraph", "Rows", "open", "python_value"]
