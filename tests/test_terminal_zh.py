"""The terminal and the team report in both languages, run as a trainee and a team lead run them.

Real command-line runs (a subprocess per command), the real scenarios, a real SQLite file: a Chinese
scenario's console call speaks Chinese, `--lang` fixes the language, `list` and `results` line up
Chinese titles, a drill mixing English and Chinese calls plays each in its own language and rules,
and `report --lang zh` is a Chinese page.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.text_width import width, wrap
from scoring.render import format_scorecard

ROOT = Path(__file__).resolve().parents[1]
NURSE_ZH = ROOT / "scenarios" / "zh" / "cooperative-night-nurse.yaml"

GOOD_RETIREE_CALL = """\
Good morning, this is Jordan from Brightwater Home Medical. May I speak with Mrs. Margaret Ellison, please?
This is an attempt to collect a debt; any information will be used for that purpose. Your balance is $186.40.
Would you be able to pay the $186.40 today by debit card?
So that's $186.40 today by debit card, correct?
Thank you, Mrs. Ellison. Have a lovely day.
"""
GOOD_NURSE_CALL = """\
陈女士您好，我是安信小额贷款的小王，请问是陈丽本人吗？
陈女士，打电话是提醒您一下，您的借款三千二百五十元五角，已经逾期十二天了。
您什么时候方便还这三千二百五十元五角？
好的，那就15号发工资那天，用微信还三千二百五十元五角，可以吗？
我确认一下：12月15号，微信还三千二百五十元五角，对吗？
谢谢陈女士，再见。
"""
ABUSIVE_NURSE_CALL = """\
陈女士您好，我是安信小额贷款的小王。
陈丽吗？你欠钱了知不知道，老赖？
三千块，今天必须还，不还就爆你通讯录。
"""
MIXED_DRILL = """\
name: both-languages
title: 中英文入门
scenarios: [cooperative-retiree, cooperative-night-nurse-zh]
seed: 1
pass_marks: {total: 70}
"""


def _game(*args: str, stdin: str = "", home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "COLLECTOR_SIM_HOME": str(home),
        "COLLECTOR_SIM_DRILLS": str(home / "drills"),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
    }
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
    )


def test_a_chinese_scenario_console_call_speaks_chinese_and_lang_fixes_english(tmp_path: Path) -> None:
    run = _game("console", str(NURSE_ZH), stdin=GOOD_NURSE_CALL, home=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "--- 忘了还款的夜班护士：代表安信小额贷款致电陈丽 ---"
    assert lines[1] == "（输入你要说的话；直接回车表示保持沉默；输入结束即挂断电话）"
    assert lines[2] == "陈丽：喂，哪位？我刚下夜班。"
    assert run.stdout.count("我> ") == 6 and "you> " not in run.stdout
    assert "原则得分 " in run.stdout and "通过  （评分标准：cn）" in run.stdout
    assert "目标：拿到并确认还款承诺 - 已达成" in run.stdout
    assert "结果：承诺还款 - 12月15号星期二通过微信还3250.50元（已确认）" in run.stdout
    assert "合规：没有发现问题" in run.stdout
    for english in ("Principles ", "Outcome:", "Goal:", "Compliance:", "calling"):
        assert english not in run.stdout

    fixed = _game("--lang", "en", "console", str(NURSE_ZH), stdin=GOOD_NURSE_CALL, home=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stdout.startswith("--- 忘了还款的夜班护士: calling 陈丽 for 安信小额贷款 ---\n")
    assert "you> " in fixed.stdout and "Outcome: a promise to pay - 3250.50元" in fixed.stdout

    (tmp_path / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    from_settings = _game("console", str(NURSE_ZH), stdin=GOOD_NURSE_CALL, home=tmp_path)
    assert "you> " in from_settings.stdout and "我> " not in from_settings.stdout


def test_the_scorecard_table_lines_up_in_chinese() -> None:
    from game.engine.scenario import load_scenario
    from game.engine.scenario.models import TranscriptTurn
    from game.session import CallSession
    from game.session.call import play_script

    scenario = load_scenario(str(NURSE_ZH))
    session = CallSession(scenario, 0)
    play_script(session, [TranscriptTurn(say=line) for line in ABUSIVE_NURSE_CALL.splitlines()])
    text = format_scorecard(session.finish(), "zh")
    rows = [line for line in text.splitlines() if re.search(r"\s\d+  [#.]{20}", line)]
    assert rows and all(width(line[: line.index("  #" if "  #" in line else "  .")]) == 23 for line in rows)
    assert "合规：发现 3 处问题" in text and "欠款金额说错（第 5 轮）" in text
    assert "威胁恐吓（第 5 轮）" in text and "侮辱（第 3 轮）" in text
    assert all(width(line) <= 78 for line in text.splitlines())


def test_list_lines_up_chinese_titles_by_display_width(tmp_path: Path) -> None:
    run = _game("list", home=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    header, rows = lines[0], lines[1:]
    assert any(re.search(r"[\u4e00-\u9fff]", row) for row in rows)
    archetype_at = width(header[: header.index("ARCHETYPE")])
    language_at = width(header[: header.index("LANGUAGE")])
    for row in rows:
        archetype = row.split()[-3]
        assert width(row[: row.index("  " + archetype) + 2]) == archetype_at, row
        assert width(row[: row.rindex(" ") + 1]) == language_at, row

    chinese = _game("list", "--lang", "zh", home=tmp_path)
    assert chinese.stdout.splitlines()[0].split() == ["ID", "标题", "类型", "难度", "语言"]


def test_a_drill_mixing_languages_plays_each_call_in_its_own_and_reports_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "drills").mkdir()
    (tmp_path / "drills" / "both-languages.yaml").write_text(MIXED_DRILL, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'results.sqlite3'}"
    args = ("drill", "run", "both-languages", "--console", "--db", url, "--trainee")
    good = _game(*args, "李明", stdin=GOOD_RETIREE_CALL + GOOD_NURSE_CALL, home=tmp_path)
    assert good.returncode == 0, good.stderr
    english, chinese = good.stdout.split("--- 第 2 通，共 2 通 ---")
    assert english.startswith("=== Drill: 中英文入门 (2 calls) for 李明 ===\n\n--- Call 1 of 2 ---\n")
    assert "you> " in english and "我> " not in english
    assert "Principles 100/100  [***]  PASSED  (rubric: us)" in english and "Drill mark: PASS (needs 70)" in english
    assert "我> " in chinese and "you> " not in chinese
    assert "（评分标准：cn）" in chinese and "练习成绩：通过（及格线 70 分）" in chinese
    assert chinese.rstrip().endswith("=== 李明: 2 of 2 calls passed; drill passed; results saved ===")

    bad = _game(*args, "王芳", "--lang", "zh", stdin=GOOD_RETIREE_CALL + ABUSIVE_NURSE_CALL, home=tmp_path)
    assert bad.returncode == 0, bad.stderr
    assert bad.stdout.startswith("=== 练习：中英文入门（共 2 通电话），学员：王芳 ===\n")
    assert "--- Cooperative retiree：代表Brightwater Home Medical致电Margaret Ellison ---" in bad.stdout
    assert "=== 王芳：2 通电话中通过 1 通；练习尚未通过；结果已保存 ===" in bad.stdout

    saved = json.loads(_game("results", "--db", url, "--format", "json", home=tmp_path).stdout)
    assert [(r["trainee"], r["scenario"], r["rubric"], r["passed"]) for r in saved] == [
        ("李明", "cooperative-retiree", "us", True),
        ("李明", "cooperative-night-nurse-zh", "cn", True),
        ("王芳", "cooperative-retiree", "us", True),
        ("王芳", "cooperative-night-nurse-zh", "cn", False),
    ]
    table = _game("results", "--db", url, "--lang", "zh", home=tmp_path).stdout.splitlines()
    assert table[0].split()[:5] == ["学员", "练习", "场景", "时间（UTC）", "结果"]
    when_at = width(table[0][: table[0].index("时间")])
    for line in table[2:]:
        assert width(line[: re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", line).start()]) == when_at, line  # type: ignore[union-attr]
    assert sum("忘了还款的夜班护士" in line for line in table) == 2
    assert sum("Cooperative retiree" in line for line in table) == 2

    out = tmp_path / "report.html"
    report = _game("report", "--db", url, "--drill", "both-languages", "--out", str(out), "--lang", "zh", home=tmp_path)
    assert report.returncode == 0, report.stderr
    assert report.stdout == f"已写入 {out}\n"
    page = out.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "<h1 data-title>中英文入门</h1>" in page
    headings = ("场景", "各场景趋势", "学员", "原则：团队平均分", "合规问题", "未完成的通话", "有合规问题的通话记录")
    for heading in headings:
        assert f">{heading}</h2>" in page, heading
    assert "2 名学员共 4 通电话" in page and "4 通电话中通过 3 通" in page
    assert ">威胁恐吓</span>" in page and ">侮辱</span>" in page and "“三千块，今天必须还，不还就爆你通讯录。”" in page
    assert ">语气平和</text>" in page  # the principles chart labels its bars in Chinese
    assert "Cooperative retiree" in page and "忘了还款的夜班护士" in page  # titles as their authors wrote them
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.S))
    for english in ("Pass rate", "Promise rate", "Trainee", "Scenario", "Compliance", "Unfinished", "calls", "turn"):
        assert english not in visible, english

    english_page = tmp_path / "report-en.html"
    assert _game("report", "--db", url, "--out", str(english_page), home=tmp_path).returncode == 0
    assert "<h1 data-title>All drills</h1>" in english_page.read_text(encoding="utf-8")


@given(st.text(alphabet=st.sampled_from(list("ab cd，。元5的债务 ”")), max_size=120), st.integers(8, 40))
def test_wrapping_keeps_every_word_and_never_passes_the_width(text: str, columns: int) -> None:
    lines = wrap(text, columns, 2, 4)
    assert all(width(line) <= columns for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
