"""README for a newcomer: the two set-up commands on its first screen, at most 250 lines,
links that resolve, the math GitHub renders, and worked specs that pass as shown."""

import re
from pathlib import Path

import pytest

from identities.engine import load_catalog, run_entry

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").rglob("*.md"))]
#: Pages README links to that another change of the same issue writes (the plugin and the
#: public API); checked like every other link once they exist.
WRITTEN_ELSEWHERE: set = set()


def test_the_first_screen_holds_the_two_set_up_commands():
    lines = README.read_text().splitlines()
    assert len(lines) <= 250, f"README has {len(lines)} lines"
    first_screen = "\n".join(lines[:30])
    block = re.search(r"<!-- ci:begin -->\n```bash\n(.*?)```\n<!-- ci:end -->", first_screen, re.S)
    assert block, "the ci:begin/ci:end block is not on README's first screen"
    assert block.group(1).splitlines() == [
        'pip install -e ".[test]" -c constraints.txt',
        "pytest -n auto",
    ]


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_relative_links_resolve(page):
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.S)
    missing = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        path = target.split("#", 1)[0]
        if not path or re.match(r"[a-z]+:", path):
            continue
        resolved = (page.parent / path).resolve()
        if not resolved.exists() and resolved not in WRITTEN_ELSEWHERE:
            missing.append(target)
    assert missing == [], f"{page.name} links to missing files: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_math_uses_the_forms_github_renders(page):
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.S)
    text = re.sub(r"\$`[^`\n]*`\$", "", text)  # inline math as GitHub renders it
    text = re.sub(r"`[^`\n]*`", "", text)  # code spans
    assert "$$" not in text, f"{page.name}: use a ```math block"
    inline = re.findall(r"\$[^$\n]+\$", text)
    assert inline == [], f"{page.name}: inline math as $`...`$, not {inline[:3]}"


def test_the_worked_specs_of_readme_pass_as_shown(tmp_path):
    section = README.read_text().split("## Adding an identity", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 3, "a true one, a false one with a lesson, a gradient"
    for k, block in enumerate(blocks):
        header = "from identities import Identity, Source, matrix, vector\n"
        (tmp_path / f"readme_{k}.py").write_text(header + block.replace('name="', 'name="readme_'))
    catalog = load_catalog([tmp_path])
    mine = [s for s in catalog.specs if s.name.startswith("readme_")]
    assert len(mine) == 3 and not catalog.problems, catalog.problems
    for spec in mine:
        passed, message, _ = run_entry(spec)
        assert passed, message
