/// The monthly page's inline CSS: readable on screen, black-and-white-safe in print (series differ by dash as well as colour).
enum MonthlyStyle {
    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;padding:0 1.5em;color:#111}\
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:2px solid #333;padding-bottom:.15em}\
        .meta{color:#444;margin:.2em 0 .6em}.none{color:#666;font-style:italic}\
        table{border-collapse:collapse;margin:.4em 0 1.2em;font-size:13px}\
        th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left;vertical-align:top}\
        th{background:#eef1f4;font-weight:600}td.num{text-align:right;font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap}\
        td.ok{color:#17603a;font-weight:600}td.bad,td.num.bad{color:#a31515;font-weight:600}td.mode{font-family:ui-monospace,monospace}\
        td.warn{background:#fff4d6}table.groups th:not(:first-child),table.summary th:not(:first-child){text-align:right}\
        figure{margin:.4em 0}figcaption{font-weight:600;margin:.2em 0}svg.chart{width:100%;max-width:920px;height:auto;border:1px solid #ddd;background:#fff}\
        svg .grid{stroke:#ddd;stroke-width:1}svg .zero{stroke:#555;stroke-width:1.2}svg .axis{stroke:#555}\
        svg .tick{font-size:11px;fill:#333;font-family:ui-monospace,"DejaVu Sans Mono",monospace}\
        svg .axis-title{font-size:12px;fill:#333}svg .legend{font-size:12px;fill:#111}\
        svg .explained{fill:none;stroke:#1f5fa8;stroke-width:2.2}\
        svg .unexplained{fill:none;stroke:#c0392b;stroke-width:2.2;stroke-dasharray:7 4}\
        ul.cycles{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px}\
        ul.cycles li{border:1px solid #bbb;padding:.2em .4em;font-size:11px;text-align:center;min-width:6.5em}\
        ul.cycles li.forced{background:#fff4d6;border:2px solid #b7791f;font-weight:600}\
        ul.cycles li.missing{background:#fde2e2;border:2px dashed #a31515;font-weight:600}\
        .signoff .sign{display:flex;gap:1em;align-items:flex-end;margin:1.6em 0}\
        .signoff .role{white-space:nowrap;color:#333}.signoff .line{flex:1;border-bottom:1px solid #111;min-height:1.4em}\
        @media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr,figure,.sign,.signoff{break-inside:avoid}\
        section.aggregate{break-inside:avoid-page}th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}\
        svg.chart{border:none}}
        """
}
