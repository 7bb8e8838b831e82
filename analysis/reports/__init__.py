"""Story reports: `build` turns analysis results into one versioned dict (the JSON schema is in
`analysis.reports.build`); every format renders that dict and nothing else, so all formats say the
same thing and none reaches back into the store.

- `build.py`: the report dict (and `for_outlet`, one outlet's view of it)
- `markdown.py`: Markdown and the summary lines; `csv.py`: CSV tables; `claimreview.py`: ClaimReview
  drafts; `html.py` + `charts.py` + `cascade.py` (who copied whom, per error) + `templates/`: the
  self-contained HTML file
- `text.py`: helpers the formats share
"""
from analysis.reports.build import ABSENT, SCHEMA, SCHEMA_VERSION, build_report, for_outlet, sentence_around, wilson
from analysis.reports.claimreview import claimreview
from analysis.reports.csv import csv_tables, to_csv
from analysis.reports.html import content_security_policy, render_html
from analysis.reports.markdown import md, md_link, render_markdown, safe_url, summary_lines, utc_text

__all__ = ["ABSENT", "SCHEMA", "SCHEMA_VERSION", "build_report", "claimreview", "content_security_policy",
           "csv_tables", "for_outlet", "md", "md_link", "render_html", "render_markdown", "safe_url",
           "sentence_around", "summary_lines", "to_csv", "utc_text", "wilson"]
