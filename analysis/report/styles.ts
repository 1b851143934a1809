// The report's only style sheet, inlined so the file reads the same offline, by e-mail or printed.
export const REPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1a1a1a; font: 16px/1.5 system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 28px; line-height: 1.2; margin: 8px 0 12px; }
h2 { font-size: 22px; margin: 40px 0 8px; padding-top: 8px; border-top: 2px solid #1a1a1a; }
h3 { font-size: 17px; margin: 20px 0 6px; }
p { max-width: 46em; }
.lede { font-size: 17px; }
.note { color: #555555; font-size: 14px; font-weight: normal; }
.goal-box { border-left: 5px solid #b00020; background: #fbf2f3; padding: 8px 14px; max-width: 46em; }
nav ol { columns: 2; padding-left: 20px; font-size: 15px; }
a { color: #0b5cad; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
pre { background: #f4f4f4; border: 1px solid #dddddd; padding: 8px 12px; overflow-x: auto; white-space: pre-wrap; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
table.headline { font-size: 13.5px; width: 100%; }
table.headline tbody th { min-width: 11em; font-weight: 600; }
caption { caption-side: top; text-align: left; color: #444444; font-size: 13px; padding-bottom: 6px; max-width: 60em; }
th, td { border-bottom: 1px solid #d9d9d9; padding: 5px 8px; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #1a1a1a; vertical-align: bottom; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.nw { white-space: nowrap; }
td.goal { color: #b00020; white-space: nowrap; }
.unit { color: #555555; font-weight: normal; }
.diff { color: #444444; font-size: 13px; }
.diff { display: inline-block; margin-top: 2px; }
.diff.sig { font-weight: bold; color: #1a1a1a; background: #fff1a8; padding: 0 3px; }
.partial { color: #8a4b00; font-size: 12px; white-space: nowrap; }
.missing { color: #666666; }
tr.assumption td { font-style: italic; }
.hash { word-break: break-all; }
figure.chart { margin: 28px 0; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { max-width: 46em; margin-top: 6px; font-size: 15px; }
figcaption b { margin-right: 4px; }
details { margin: 8px 0 16px; }
summary { cursor: pointer; font-weight: 600; }
.scenario { border-left: 4px solid #cccccc; padding-left: 14px; margin: 14px 0; }
dl.repro { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.repro dt { font-weight: 600; }
dl.repro dd { margin: 0; }
footer { margin-top: 40px; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  details > summary { list-style: none; }
}
`;
