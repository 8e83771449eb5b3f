namespace Edge.Service.StatusPage;

/// <summary>The page's only script, inline: every 2 s it reads <c>/api/status</c> and rewrites each
/// <c>data-field</c> element with the format <see cref="StatusFormat"/> used on the server. Values go
/// in as text, never as markup. Allowed by its hash in the Content-Security-Policy.</summary>
internal static class PageScript
{
    public const string Js = """
        "use strict";
        (function () {
          const states = ["booting", "monitoring", "warning", "uplink-down", "alert", "fault"];
          const patterns = ["off", "steady", "slowblink", "fastblink", "doubleblink", "heartbeat"];
          const severities = ["critical", "high", "medium", "low", "info"];
          const units = ["KiB", "MiB", "GiB", "TiB"];
          const missing = v => v === null || v === undefined;
          const pad = n => String(n).padStart(2, "0");
          const group = v => String(Math.trunc(Number(v) || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
          const pick = (known, v, fallback) => {
            const name = String(missing(v) ? "" : v).toLowerCase().replace(/[^a-z-]/g, "");
            return known.includes(name) ? name : fallback;
          };
          const formats = {
            text: v => missing(v) || v === "" ? "\u2013" : String(v),
            count: group,
            bytes: v => {
              if (v < 1024) return group(v) + " B";
              let scaled = v, unit = -1;
              while (scaled >= 1024 && unit < units.length - 1) { scaled /= 1024; unit++; }
              return scaled.toFixed(1) + " " + units[unit];
            },
            time: v => missing(v) ? "never" : new Date(v).toISOString().slice(0, 19).replace("T", " ") + "Z",
            yesno: v => v ? "yes" : "no",
            celsius: v => missing(v) ? "n/a" : Number(v).toFixed(1) + " \u00b0C",
            uptime: (v, s) => {
              const t = Math.max(0, Math.floor((Date.parse(s.now) - Date.parse(v)) / 1000));
              const clock = pad(Math.floor(t / 3600) % 24) + ":" + pad(Math.floor(t / 60) % 60) + ":" + pad(t % 60);
              return t >= 86400 ? Math.floor(t / 86400) + "d " + clock : clock;
            },
            gpio: v => v ? "simulated" : "real",
            silenced: v => v ? " \u00b7 alert pattern silenced" : ""
          };
          const get = (s, path) => path.split(".").reduce((o, k) => missing(o) ? undefined : o[k], s);
          const lit = (lights, pattern, colour) => {
            const words = String(missing(lights) ? "" : lights).toLowerCase().split(/[^a-z]+/);
            return pattern !== "off" && (words.includes("all") || words.includes(colour));
          };
          const cell = (row, text, className) => {
            const td = row.insertCell();
            td.textContent = text;
            if (className) td.className = className;
            return td;
          };
          function alertRows(alerts) {
            const rows = alerts.map(a => {
              const tr = document.createElement("tr");
              cell(tr, formats.time(a.time));
              const severity = document.createElement("span");
              severity.className = "sev sev-" + pick(severities, a.severity, "unknown");
              severity.textContent = formats.text(a.severity);
              cell(tr, "").appendChild(severity);
              cell(tr, formats.text(a.category));
              cell(tr, formats.text(a.rule));
              cell(tr, formats.text(a.client));
              cell(tr, formats.text(a.indicator), "indicator");
              cell(tr, formats.yesno(a.acknowledged));
              return tr;
            });
            if (rows.length === 0) {
              const tr = document.createElement("tr");
              tr.className = "empty";
              cell(tr, "no alerts yet").colSpan = 7;
              rows.push(tr);
            }
            document.getElementById("recent").replaceChildren(...rows);
          }
          function render(s) {
            document.querySelectorAll("[data-field]").forEach(el => {
              const format = formats[el.dataset.format] || formats.text;
              el.textContent = format(get(s, el.dataset.field), s);
            });
            document.getElementById("banner").className = "banner state-" + pick(states, s.state, "unknown");
            const pattern = pick(patterns, s.led_pattern, "steady");
            const lamps = document.getElementById("lamps");
            lamps.className = "lamps pattern-" + pattern;
            lamps.setAttribute("aria-label", "LEDs: " + formats.text(s.led_lights) + ", " + formats.text(s.led_pattern));
            lamps.querySelectorAll(".lamp").forEach(lamp => lamp.classList.toggle("lit", lit(s.led_lights, pattern, lamp.dataset.colour)));
            document.title = "Edge sensor " + formats.text(s.sensor) + " \u00b7 " + formats.text(s.state);
            alertRows(s.recent_alerts || []);
          }
          const live = document.getElementById("live");
          async function refresh() {
            try {
              const response = await fetch(new URL("/api/status", location.origin), { cache: "no-store", credentials: "same-origin" });
              if (!response.ok) throw new Error("HTTP " + response.status);
              render(await response.json());
              live.textContent = "Live: refreshed every 2 s.";
              live.className = "live";
            } catch (e) {
              live.textContent = "Not refreshing (" + e.message + "): the values shown may be old.";
              live.className = "live stale";
            }
          }
          setInterval(refresh, 2000);
        })();
        """;
}
