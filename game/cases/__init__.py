"""A case, not a call: one debtor followed over several calls, the time of each call, and the case note.

The core (``models``, ``timing``, ``notes``, ``run``, ``scorecard``, ``briefing``) is pure: scenarios,
the trainee's calls and a seed come in, a case record and its scorecard come out. ``files`` reads case
and transcript files and resolves the persona scenarios they name; ``selftest`` runs a case's ``tests:``.
"""
