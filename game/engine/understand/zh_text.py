"""One spelling for Chinese lines, and their words.

Typed Chinese mixes full-width and half-width forms ("１２５００元", "？" and "?"); NFKC folds them
into one, so a pattern or a number parser meets a single spelling. Act patterns read the line as a
string of characters (Chinese has no spaces to match on); the phrase matcher compares word sets, so
it reads the line cut into words by jieba.

jieba's default start-up reads and writes a cache file in the shared temporary folder and logs to
stderr; the segmenter here is built from the dictionary inside the package instead, once, quietly.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any, Final

# Punctuation and symbols separate; digits, letters, CJK, money marks, decimal points and the question
# mark (often the only sign of a question in typed Chinese) stay.
_SEPARATORS: Final = re.compile(r"(?:(?<!\d)[.,]|[.,](?!\d)|[^\w¥$%.,?\u3400-\u9fff])+")
_SPACES: Final = re.compile(r"\s+")
# Words jieba does not know as one piece but this domain says as one.
_DOMAIN_WORDS: Final = (
    "支付宝", "微信", "银行转账", "对公账户", "还款", "逾期", "欠款", "催收", "分期", "征信", "协商",
    "承诺", "记下来", "老赖", "通讯录", "上门", "法务部", "发工资", "工资到账", "支票", "号码", "月底",
)  # fmt: skip


def normalize_zh(text: str) -> str:
    """Half-width, lowercase, punctuation turned into single spaces (which patterns may ignore)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", folded)).strip()


def words_zh(text: str) -> str:
    """A normalised line cut into words, separated by single spaces, for the phrase matcher."""
    return _words(normalize_zh(text))


@lru_cache(maxsize=4096)
def _words(normalised: str) -> str:
    return " ".join(w for w in _segmenter().cut(normalised, HMM=True) if w.strip())


@cache
def _segmenter() -> Any:
    """jieba's tokenizer over its own dictionary: no temporary cache file, no start-up log."""
    import jieba  # type: ignore[import-untyped]  # loaded on first use: building its dictionary takes a moment

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    for word in _DOMAIN_WORDS:
        tokenizer.add_word(word)
    return tokenizer
