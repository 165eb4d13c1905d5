/**
 * The dashboard's stylesheet, served as /assets/dashboard.css; kept in a string so that it ships
 * inside every build without a file to copy beside the compiled code.
 */
export const DASHBOARD_STYLE = String.raw`/* dondoc dashboard: readable on a desk and on a phone; no script. */
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1d2733; background: #f3f5f7; }
a { color: #0b5e55; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; padding: 10px 16px; background: #0b5e55; color: #fff; }
.top a { color: #fff; }
.brand { font-weight: 700; font-size: 18px; text-decoration: none; }
.nav { display: flex; flex-wrap: wrap; gap: 4px; flex: 1; }
.nav a { text-decoration: none; padding: 4px 10px; border-radius: 14px; }
.nav a[aria-current="page"] { background: rgba(255, 255, 255, .2); font-weight: 600; }
.tools { display: flex; align-items: center; gap: 10px; font-size: 13.5px; }
.tools .me { opacity: .9; }
.inline { display: inline; margin: 0; }
button { font: inherit; cursor: pointer; }
button.link { background: none; border: 1px solid rgba(255, 255, 255, .6); color: #fff; border-radius: 14px; padding: 2px 10px; font-size: 13px; }
.page { max-width: 1080px; margin: 0 auto; padding: 16px; }
h1 { font-size: 22px; margin: 4px 0 14px; }
h2 { font-size: 16px; margin: 0 0 10px; }
.muted { color: #5b6876; font-size: 13.5px; }
.crumb { margin: 0 0 8px; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin-bottom: 16px; }
.card { display: flex; flex-direction: column; padding: 12px 14px; border-radius: 10px; background: #fff; border-left: 5px solid #9fb3c1; text-decoration: none; color: inherit; box-shadow: 0 1px 2px rgba(0, 0, 0, .06); }
.card .value { font-size: 28px; font-weight: 700; line-height: 1.1; }
.card .label { font-size: 13.5px; color: #4c5a68; }
.card.late { border-color: #a12a1f; } .card.late .value { color: #a12a1f; }
.card.blocked { border-color: #c77700; } .card.progress { border-color: #2b6cb0; } .card.done { border-color: #2f855a; }
.panel { background: #fff; border-radius: 10px; padding: 14px 16px; margin-bottom: 16px; box-shadow: 0 1px 2px rgba(0, 0, 0, .06); }
.chart { width: 100%; max-width: 620px; height: auto; display: block; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid #e3e8ec; vertical-align: top; }
thead th { font-size: 12.5px; text-transform: uppercase; letter-spacing: .3px; color: #4c5a68; white-space: nowrap; }
table.counts td { text-align: right; font-variant-numeric: tabular-nums; }
td.late, td.late a { color: #a12a1f; font-weight: 700; }
td.blocked { color: #c77700; font-weight: 700; }
.filters { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)) auto; gap: 10px; align-items: end; background: #fff; padding: 12px; border-radius: 10px; margin-bottom: 12px; box-shadow: 0 1px 2px rgba(0, 0, 0, .06); }
.field { display: flex; flex-direction: column; gap: 3px; font-size: 13px; color: #4c5a68; min-width: 0; }
.field select { font: inherit; padding: 6px; border: 1px solid #b8c3cd; border-radius: 6px; background: #fff; color: #1d2733; max-width: 100%; }
.filters .actions { display: flex; gap: 8px; align-items: center; white-space: nowrap; }
.filters button, .button, button.primary, button.small { background: #0b5e55; color: #fff; border: 0; border-radius: 6px; padding: 7px 14px; text-decoration: none; font-weight: 600; display: inline-block; }
button.small { padding: 4px 10px; font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
.items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.item { background: #fff; border-radius: 10px; padding: 10px 14px; border-left: 5px solid #a12a1f; box-shadow: 0 1px 2px rgba(0, 0, 0, .06); }
.item .head { display: flex; justify-content: space-between; gap: 10px; align-items: flex-start; }
.item .head a { font-weight: 600; text-decoration: none; color: #1d2733; }
.item .meta { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; color: #4c5a68; margin-top: 4px; }
.item .note { margin-top: 6px; font-size: 13.5px; padding: 6px 10px; background: #f7f2e6; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { flex-shrink: 0; font-size: 12.5px; font-weight: 700; padding: 2px 8px; border-radius: 10px; white-space: nowrap; }
.badge.late { background: #fbe3e0; color: #a12a1f; }
.status { font-weight: 600; }
.s-blocked { color: #c77700; } .s-done { color: #2f855a; } .s-in_progress { color: #2b6cb0; } .s-open { color: #4c5a68; } .s-cancelled { color: #8a94a0; }
.facts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 16px; background: #fff; border-radius: 10px; padding: 12px 16px; margin: 0 0 16px; box-shadow: 0 1px 2px rgba(0, 0, 0, .06); }
.facts dt { font-size: 12.5px; text-transform: uppercase; color: #5b6876; letter-spacing: .3px; }
.facts dd { margin: 0; }
.history { list-style: none; margin: 0; padding: 0; }
.history li { padding: 8px 0 8px 14px; border-left: 3px solid #cfd8df; margin-left: 4px; }
.history .when { font-size: 12.5px; color: #5b6876; }
.history blockquote { margin: 4px 0 0; padding: 6px 10px; background: #f7f2e6; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.code { font: 600 15px/1.2 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 1px; background: #eef6f4; padding: 2px 6px; border-radius: 4px; margin-right: 6px; }
table.people, .panel table { background: #fff; }
.code { white-space: nowrap; }
.notice { background: #fff; border-radius: 10px; padding: 16px 18px; max-width: 560px; box-shadow: 0 1px 2px rgba(0, 0, 0, .06); }
@media (max-width: 720px) {
  .page { padding: 12px; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .cards .card.late { grid-column: span 2; }
  .filters { grid-template-columns: 1fr 1fr; }
  .filters .actions { grid-column: span 2; }
  .facts { grid-template-columns: 1fr; }
  .tools .me { display: none; }
  .nav { order: 3; flex: 1 0 100%; }
  .tools { margin-left: auto; }
  thead th { white-space: normal; }
  th, td { padding: 6px 5px; }
  h1 { font-size: 19px; }
}
/* Office workbench (/office). */
.upload { display: flex; flex-direction: column; gap: 10px; max-width: 640px; }
.upload input[type="file"] { font: inherit; }
.field input, .field textarea { font: inherit; padding: 6px; border: 1px solid #b8c3cd; border-radius: 6px; background: #fff; color: #1d2733; max-width: 100%; }
.summary-line { font-weight: 600; }
.confirm, form.draft { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
form.draft .panel { flex: 1 0 100%; }
.draft-table input, .draft-table select { font: inherit; font-size: 13.5px; width: 100%; min-width: 7em; padding: 4px; border: 1px solid #c9d2da; border-radius: 4px; }
.draft-table td:nth-child(2) input { min-width: 15em; }
.draft-table select { max-width: 14em; }
.draft-table td.doubt { background: #fff4d6; }
.draft-table td.doubt input { border-color: #c77700; }
.why, .doubt-text { display: block; color: #9a5b00; font-size: 12.5px; font-weight: 600; }
.problems { border-left: 5px solid #a12a1f; max-width: none; margin-bottom: 12px; }
.notice.done { border-left: 5px solid #2f855a; max-width: none; margin-bottom: 12px; }
.skipped h2 { color: #a12a1f; }
del { color: #8a94a0; } ins { text-decoration: none; font-weight: 600; }
.changes { margin: 4px 0 0; padding-left: 18px; font-size: 13.5px; }
.progress { font-size: 13.5px; color: #4c5a68; }
.office-forms { display: grid; grid-template-columns: 2fr 1fr; gap: 0 16px; }
.office-forms .edit { grid-row: span 2; }
.office-forms form { display: flex; flex-direction: column; gap: 8px; }
.office-filters { grid-template-columns: 2fr repeat(4, minmax(0, 1fr)) auto; }
button.danger { background: #a12a1f; color: #fff; border: 0; border-radius: 6px; padding: 7px 14px; font-weight: 600; }
.link-tools { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 12px; }
.link-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.link-card { background: #fff; border-radius: 10px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0, 0, 0, .06); border: 1px solid #dfe5ea; break-inside: avoid; page-break-inside: avoid; overflow-wrap: anywhere; }
.link-card h2 { margin: 0 0 2px; }
.link-card .muted { margin: 0 0 8px; }
.link-card .code { font-size: 20px; }
.link-card .qr svg { width: 168px; height: 168px; display: block; }
.link-card .deep-link { font-size: 12.5px; margin: 4px 0; }
.link-card .how { padding-left: 18px; margin: 6px 0 0; font-size: 13.5px; }
@media (max-width: 720px) {
  .office-forms { grid-template-columns: 1fr; }
  .office-filters { grid-template-columns: 1fr 1fr; }
  .link-cards { grid-template-columns: 1fr; }
  table.people thead { display: none; }
  table.people tr { display: block; padding: 8px 0; border-bottom: 1px solid #e3e8ec; }
  table.people th, table.people td { display: block; border: 0; padding: 2px 4px; }
  table.people .code { white-space: normal; }
}
@media print {
  body { background: #fff; font-size: 12pt; }
  .top, .no-print, .crumb, h1 { display: none !important; }
  .page { max-width: none; padding: 0; }
  .link-cards { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; }
  .link-card { box-shadow: none; border: 1px dashed #555; border-radius: 0; }
  .link-card .deep-link a { color: #000; text-decoration: none; }
}
`;
