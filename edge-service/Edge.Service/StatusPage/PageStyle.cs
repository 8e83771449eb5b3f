namespace Edge.Service.StatusPage;

/// <summary>The page's only style sheet, inline (the sensor may have no internet and the page loads
/// nothing else). Allowed by its hash in the Content-Security-Policy: change it freely, the hash follows.</summary>
internal static class PageStyle
{
    public const string Css = """
        :root{color-scheme:dark;--bg:#101418;--card:#1a2027;--line:#2c343d;--text:#e6e9ec;--dim:#9aa4ae}
        *{box-sizing:border-box}
        body{margin:0;padding:1rem;background:var(--bg);color:var(--text);font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        h1{font-size:1.4rem;margin:0 0 .2rem}h2{font-size:1rem;margin:0 0 .5rem;color:var(--dim);text-transform:uppercase;letter-spacing:.05em}
        .identity{margin:0 0 1rem;color:var(--dim)}.identity b{color:var(--text);font-weight:600}
        .banner{display:flex;gap:1.5rem;align-items:center;padding:1rem 1.25rem;border-radius:10px;margin-bottom:1rem;border:2px solid var(--line);background:var(--card)}
        .state{font-size:2.2rem;font-weight:700;margin:0;text-transform:uppercase;letter-spacing:.04em}
        .reason{font-size:1.1rem;margin:.2rem 0}.led{margin:0;color:var(--dim)}
        .state-booting{border-color:#5b7fa6}.state-booting .state{color:#8fb3dd}
        .state-monitoring{border-color:#2e8b57}.state-monitoring .state{color:#4cd48a}
        .state-warning{border-color:#c9a227}.state-warning .state{color:#f0c84a}
        .state-uplink-down{border-color:#d2782a}.state-uplink-down .state{color:#ff9f4a}
        .state-alert{border-color:#d33;background:#2a1416}.state-alert .state{color:#ff5c5c}
        .state-fault{border-color:#b03bd6;background:#23142a}.state-fault .state{color:#dd7dff}
        .state-flashing{border-color:#3a9bd6}.state-flashing .state{color:#7cc8ff}
        .state-unknown .state{color:var(--dim)}
        .lamps{display:flex;flex-direction:column;gap:.5rem;padding:.6rem;background:#07090b;border-radius:12px}
        .lamp{width:2.2rem;height:2.2rem;border-radius:50%;opacity:.18}
        .lamp.red{background:#ff3b30}.lamp.amber{background:#ffb000}.lamp.green{background:#30d158}
        .lamp.lit{opacity:1;box-shadow:0 0 14px 3px currentColor}
        .lamp.red.lit{color:#ff3b30}.lamp.amber.lit{color:#ffb000}.lamp.green.lit{color:#30d158}
        .pattern-slowblink .lit{animation:blink 2s step-end infinite}
        .pattern-fastblink .lit{animation:blink .5s step-end infinite}
        .pattern-doubleblink .lit{animation:double 1.6s step-end infinite}
        .pattern-heartbeat .lit{animation:heartbeat 2s step-end infinite}
        @keyframes blink{0%{opacity:1}50%{opacity:.18}}
        @keyframes double{0%{opacity:1}12%{opacity:.18}24%{opacity:1}36%{opacity:.18}}
        @keyframes heartbeat{0%{opacity:1}8%{opacity:.18}}
        @media (prefers-reduced-motion:reduce){.lamp.lit{animation:none}}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1rem;margin-bottom:1rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.9rem 1rem}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .8rem;margin:0}dt{color:var(--dim)}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
        table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px}
        th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{color:var(--dim);font-weight:600}td:first-child{white-space:nowrap}td.indicator{font-family:ui-monospace,monospace;overflow-wrap:anywhere}
        .sev{padding:.05rem .45rem;border-radius:4px;font-weight:600}
        .sev-critical{background:#d33;color:#fff}.sev-high{background:#d2782a;color:#fff}
        .sev-medium{background:#c9a227;color:#111}.sev-low,.sev-info,.sev-unknown{background:var(--line)}
        .empty td{color:var(--dim);text-align:center}
        .live{color:var(--dim);font-size:.9rem}.live.stale{color:#ff9f4a}
        """;
}
