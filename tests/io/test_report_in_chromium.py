"""The HTML report in a browser (headless Chromium): a readable measure, centred, links
that look like links, no ligatures, and nothing loaded from the network."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.io.test_report_pdf import TITLE_PAGE, markup
from tracker.storage.database import Database

VIEWPORT = 1200
# The page is measured from a second page beside it (a file: page may read another with
# --allow-file-access-from-files); the report itself runs no script.
MEASURE = """<!DOCTYPE html><html><body>
<iframe id="report" src="report.html" style="width: {VIEWPORT}px; height: 900px"></iframe>
<script>
document.getElementById("report").addEventListener("load", () => {
  const page = document.getElementById("report").contentDocument;
  const body = page.body.getBoundingClientRect();
  const lead = page.querySelector("p.lead");
  const probe = page.createElement("span");
  probe.style.whiteSpace = "nowrap";
  probe.textContent = lead.textContent;
  lead.after(probe);
  const perCharacter = probe.getBoundingClientRect().width / lead.textContent.length;
  const style = getComputedStyle(page.body);
  const out = document.createElement("pre");
  out.id = "measure";
  out.textContent = JSON.stringify({
    left: body.left, right: page.documentElement.clientWidth - body.right,
    characters: lead.getBoundingClientRect().width / perCharacter,
    link: getComputedStyle(page.querySelector("nav.contents a")).textDecorationLine,
    ligatures: style.fontVariantLigatures,
    resources: performance.getEntriesByType("resource").map(entry => entry.name)
      .concat(page.defaultView.performance.getEntriesByType("resource")
              .map(entry => entry.name)),
  });
  document.body.appendChild(out);
});
</script></body></html>
""".replace("{VIEWPORT}", str(VIEWPORT))


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")


def test_the_html_report_reads_as_a_page_in_a_browser(db: Database, tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text(markup(db, TITLE_PAGE), encoding="utf-8")
    (tmp_path / "measure.html").write_text(MEASURE, encoding="utf-8")
    done = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--allow-file-access-from-files", "--virtual-time-budget=5000",
         # Nothing may be fetched: a request anywhere but the two files would fail here.
         "--host-resolver-rules=MAP * ~NOTFOUND", "--dump-dom",
         (tmp_path / "measure.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=True)
    found = re.search(r'<pre id="measure">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found is not None, done.stdout[-500:]
    measure = json.loads(found[1].replace("&amp;", "&").replace("&lt;", "<")
                         .replace("&gt;", ">").replace("&quot;", '"'))
    assert 55 <= measure["characters"] <= 80  # a readable line, not 190 characters
    assert abs(measure["left"] - measure["right"]) < 2 and measure["left"] > 100  # centred
    assert "underline" in measure["link"]
    assert measure["ligatures"] == "none"
    assert all(name.startswith("file:") for name in measure["resources"])
