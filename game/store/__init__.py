"""The results store (SQLite by default, PostgreSQL by URL) and what team leads read from it."""

from game.store.progress import ProgressPoint
from game.store.store import (
    Finding,
    LeaderRow,
    ResultRow,
    ResultStore,
    SavedCall,
    StoreError,
    UnfinishedCall,
    default_url,
)

__all__ = [
    "Finding",
    "LeaderRow",
    "ProgressPoint",
    "ResultRow",
    "ResultStore",
    "SavedCall",
    "StoreError",
    "UnfinishedCall",
    "default_url",
]
