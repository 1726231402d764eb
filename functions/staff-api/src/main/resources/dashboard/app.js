// The ward dashboard (issue 17): signs in against the tenant's Cognito user pool (InitiateAuth,
// USER_PASSWORD_AUTH), keeps the ID token in this module's memory only (never in storage: a reload signs out), and
// shows what the staff API answers with that token, so the API's roles and ward scoping hold in the page. The
// ward's beds are read again every few seconds.

const REFRESH_MS = 3000;
const SEVERITY_ORDER = { CRITICAL: 0, WARNING: 1, NONE: 2 };
// Glyphs Debian's and most systems' fonts have (DejaVu): a cross for critical, a warning sign, an "i".
const SEVERITY_ICON = { CRITICAL: "\u2716", WARNING: "\u26a0", NONE: "\u2139" };

let config = null;
let token = null;
let timer = null;
let view = "ward";

const $ = (id) => document.getElementById(id);

function show(message) {
  $("message").textContent = message;
  $("message").hidden = !message;
}

function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") e.textContent = value;
    else e.setAttribute(name, value);
  }
  children.filter((c) => c != null).forEach((c) => e.append(c));
  return e;
}

async function signIn(username, password) {
  const response = await fetch(config.cognitoEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1",
               "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth" },
    body: JSON.stringify({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: config.clientId,
                           AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.AuthenticationResult) {
    throw new Error("Sign-in refused: check the user name and password.");
  }
  return answer.AuthenticationResult.IdToken;
}

/** Calls the staff API with the token; a refusal becomes an Error with the problem's detail. */
async function api(path, options = {}) {
  const response = await fetch(path, { ...options,
    headers: { ...(options.headers || {}), Authorization: "Bearer " + token, Accept: "application/json" } });
  if (response.status === 401) {
    signOut("Your sign-in has expired: sign in again.");
    throw new Error("signed out");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || body.title || body.message || ("the API answered " + response.status));
  }
  return body;
}

function claims(idToken) {
  const part = idToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(part));
}

function age(iso) {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 90) return seconds + " s ago";
  if (seconds < 5400) return Math.round(seconds / 60) + " min ago";
  return Math.round(seconds / 3600) + " h ago";
}

/** Beds needing attention first: a critical alert, then a warning, then the NEWS2 score, then bed order. */
function attention(bed) {
  const worst = Math.min(...bed.openAlerts.map((a) => SEVERITY_ORDER[a.severity] ?? 2), 2);
  return [worst, -(bed.news2 ? bed.news2.score : 0)];
}

function sortBeds(beds) {
  return beds.map((bed, index) => ({ bed, index, key: attention(bed) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((x) => x.bed);
}

function alertItem(alert) {
  const item = element("li", { class: "alert " + alert.severity, "data-alert": alert.alertId },
    element("span", { class: "severity", text: SEVERITY_ICON[alert.severity] + " " + alert.severity }),
    " " + alert.type.toLowerCase().replace("_", " ") + ": " + alert.subject + " (" + alert.place + ", opened "
      + age(alert.openedAt) + ")");
  if (alert.acknowledgedBy) {
    item.append(element("p", { class: "acknowledged",
      text: "\u2714 Acknowledged by " + alert.acknowledgedBy + " " + age(alert.acknowledgedAt) }));
    return item;
  }
  item.append(acknowledgement("/alerts/" + encodeURIComponent(alert.alertId) + "/ack", "Acknowledge",
    { "aria-label": "Note for alert " + alert.alertId, placeholder: "note" }, (note) => note || "seen"));
  return item;
}

/**
 * A note and a button that POST {"note"} to {@code path} with the token, then show the view again; a refusal is
 * shown in one line. {@code noteOf} turns what was typed into the note sent.
 */
function acknowledgement(path, label, input, noteOf) {
  const note = element("input", { maxlength: "500", ...input });
  const form = element("form", {}, note, element("button", { type: "submit", text: label }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api(path, { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ note: noteOf(note.value) }) });
      show("");
      await refresh();
    } catch (e) {
      show(e.message);
    }
  });
  return form;
}

function bedTile(bed, readings, devicesByThing) {
  const worst = bed.openAlerts.some((a) => a.severity === "CRITICAL") ? "critical"
    : bed.openAlerts.some((a) => a.severity === "WARNING") ? "warning" : "";
  const tile = element("li", { class: "bed " + worst, "data-bed": bed.bed, "aria-label": "Bed " + bed.bed },
    element("h3", { text: "Bed " + bed.bed }),
    element("p", { class: "patient", text: bed.admission ? "Patient " + bed.admission.patientRef : "No patient admitted" }));
  const parameters = element("ul", { class: "parameters" });
  for (const p of bed.parameters) {
    parameters.append(element("li", {}, element("span", { text: p.metric.replace("_", " ") }),
      element("span", { class: "value", text: p.value + "\u00a0" + p.unit }), sparkline(readings, p.metric),
      element("span", { class: "age", text: age(p.at) + " \u00b7 " + p.source })));
  }
  tile.append(parameters);
  if (bed.news2) {
    // The RCP's band as a colour (green, amber, orange, red) and in words.
    tile.append(element("p", { class: "news2 " + bed.news2.response, text: "NEWS2 " + bed.news2.score + ", "
      + bed.news2.response.toLowerCase().replace("_", "-") + " risk" + (bed.news2.partial ? " (partial)" : "") }));
  }
  if (bed.openAlerts.length) {
    tile.append(element("ul", { class: "alerts", "aria-label": "Open alerts of bed " + bed.bed },
      ...bed.openAlerts.map(alertItem)));
  }
  if (bed.devices.length) {
    tile.append(element("p", { class: "devices", text: "Devices: " + bed.devices.map((d) => d.thingName
      + deviceState(devicesByThing.get(d.thingName))).join(", ") }));
  }
  return tile;
}

/**
 * The last hour's readings of each bed, by "ward/bed": read again when the board shows a newer value than those
 * read, or once a minute (the hour moves on), not at every refresh.
 */
const SPARK_MS = 60000;
const sparks = new Map();

async function lastHour(ward, beds) {
  const now = Date.now();
  const newest = (bed) => Math.max(0, ...bed.parameters.map((p) => Date.parse(p.at)));
  const stale = beds.filter((b) => {
    const cached = sparks.get(ward + "/" + b.bed);
    return !cached || cached.at < now - SPARK_MS || newest(b) > cached.newest;
  });
  await Promise.all(stale.map(async (b) => {
    let readings = [];
    try {
      readings = (await api("/beds/" + encodeURIComponent(ward) + "/" + encodeURIComponent(b.bed)
        + "/readings?limit=100")).readings;
    } catch (e) {
      // no sparkline for this bed until the next read
    }
    sparks.set(ward + "/" + b.bed, { at: now, newest: newest(b), readings });
  }));
}

/** A small line of a metric's last hour (oldest to newest); described in words for screen readers. */
function sparkline(readings, metric) {
  const values = readings.filter((r) => r.metric === metric).reverse();
  if (values.length < 2) return null;
  const v = values.map((r) => r.value);
  const min = Math.min(...v);
  const max = Math.max(...v);
  const points = v.map((x, i) => (i * 80 / (v.length - 1)).toFixed(1) + ","
    + (18 - (max === min ? 8 : (x - min) * 16 / (max - min))).toFixed(1)).join(" ");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("viewBox", "0 0 80 20");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", metric.replace("_", " ") + ", last hour: " + v.length + " readings from " + min
    + " to " + max);
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", points);
  svg.append(line);
  return svg;
}

/** A device's state in words: what a nurse checks when a bed goes quiet. */
function deviceState(d) {
  if (!d) return "";
  const parts = [];
  if (d.silent) parts.push("\u26a0 silent");
  if (d.batteryLow) parts.push("\u26a0 battery low");
  if (d.connection && !d.connection.connected) parts.push("\u2716 disconnected");
  return parts.length ? " (" + parts.join(", ") + ")" : " (ok)";
}

async function wardView(ward) {
  const [board, devices] = await Promise.all([api("/wards/" + encodeURIComponent(ward) + "/beds?limit=100"),
    api("/devices?ward=" + encodeURIComponent(ward) + "&limit=100").catch(() => ({ devices: [] }))]);
  await lastHour(ward, board.beds);
  const byThing = new Map(devices.devices.map((d) => [d.thingName, d]));
  return ["Beds of " + board.ward, element("ul", { id: "beds", class: "beds" },
    ...sortBeds(board.beds).map((bed) => bedTile(bed, sparks.get(ward + "/" + bed.bed)?.readings || [], byThing)))];
}

/** The alerts whose timeline is open: kept across the view's refreshes, and read again with them. */
const expanded = new Set();

function timeline(alertId, events) {
  return element("ol", { class: "timeline", "aria-label": "Timeline of alert " + alertId },
    ...events.map((e) => element("li", { text: new Date(e.at).toLocaleTimeString() + " " + e.event
      + (e.severity ? " " + e.severity : "") + (e.by ? " by " + e.by : "") + (e.note ? ": " + e.note : "") })));
}

async function alertsView(ward) {
  const ward_ = encodeURIComponent(ward);
  const [open, closed] = await Promise.all([api("/alerts?ward=" + ward_ + "&limit=50"),
    api("/alerts?ward=" + ward_ + "&state=closed&limit=20")]);
  const shown = [...open.alerts, ...closed.alerts].filter((a) => expanded.has(a.alertId));
  const timelines = new Map((await Promise.all(shown.map((a) => api("/alerts/" + encodeURIComponent(a.alertId)))))
    .map((full) => [full.alertId, full.timeline]));
  const items = (alerts) => alerts.map((a) => {
    const item = alertItem(a);
    if (a.resolvedAt) item.append(element("p", { text: "Resolved " + age(a.resolvedAt) }));
    const button = element("button", { type: "button", class: "secondary", "aria-expanded": String(timelines.has(a.alertId)),
      text: timelines.has(a.alertId) ? "Hide timeline" : "Timeline" });
    button.addEventListener("click", () => {
      if (expanded.has(a.alertId)) expanded.delete(a.alertId); else expanded.add(a.alertId);
      refresh();
    });
    item.append(button);
    if (timelines.has(a.alertId)) item.append(timeline(a.alertId, timelines.get(a.alertId)));
    return item;
  });
  return ["Alerts of " + ward, element("h3", { text: "Open (" + open.alerts.length + ")" }),
    element("ul", { class: "list alerts", id: "open-alerts" }, ...items(open.alerts)),
    element("h3", { text: "Recently closed" }),
    element("ul", { class: "list alerts", id: "closed-alerts" }, ...items(closed.alerts))];
}

/** The month's temperature log of a unit, fetched with the token and handed to the browser as a download. */
async function downloadLog(unit, month) {
  const response = await fetch("/storage/" + encodeURIComponent(unit) + "/temperature-log?month=" + month,
    { headers: { Authorization: "Bearer " + token, Accept: "text/csv" } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || "the log could not be fetched (" + response.status + ")");
  }
  const link = element("a", { href: URL.createObjectURL(await response.blob()),
    download: unit + "-" + month + ".csv" });
  document.body.append(link);
  link.click();
  link.remove();
}

function excursionItem(unit, x) {
  const item = element("div", { class: "alert " + x.maxSeverity, "data-excursion": x.start },
    element("span", { class: "severity", text: SEVERITY_ICON[x.maxSeverity] + " Excursion, "
      + (x.maxSeverity === "NONE" ? "no alert yet" : x.maxSeverity) }),
    " since " + new Date(x.start).toLocaleString() + " (" + x.minCelsius + " to " + x.maxCelsius + " \u00b0C)");
  if (x.acknowledgedBy) {
    item.append(element("p", { class: "acknowledged", text: "\u2714 Acknowledged by " + x.acknowledgedBy
      + ": " + x.note }));
    return item;
  }
  item.append(acknowledgement("/storage/" + encodeURIComponent(unit.thingName) + "/excursions/"
    + encodeURIComponent(x.start) + "/ack", "Acknowledge excursion", { "aria-label": "Actions taken for the "
    + "excursion of " + unit.thingName, placeholder: "actions taken", required: "" }, (note) => note));
  return item;
}

async function storageView(ward) {
  const { units } = await api("/storage?ward=" + encodeURIComponent(ward));
  const month = new Date().toISOString().slice(0, 7);
  const tiles = units.map((u) => {
    const t = u.temperature;
    const out = t && u.range && (t.celsius < u.range.min || t.celsius > u.range.max);
    const tile = element("li", { class: "unit" + (out ? " out" : ""), "data-unit": u.thingName },
      element("h3", { text: u.thingName }),
      element("p", { text: u.storageProfile.replace("_", " ") + (u.range ? ", range " + u.range.min + " to "
        + u.range.max + " \u00b0C" : "") }),
      element("p", { text: t ? "Now " + t.celsius + " \u00b0C, " + (out ? "\u2716 OUT OF RANGE" : "\u2714 in range")
        + " (" + age(t.at) + ")" : "No reading yet" }));
    if (u.openExcursion) tile.append(excursionItem(u, u.openExcursion));
    const download = element("button", { type: "button", class: "secondary",
      text: "Download " + month + " temperature log (CSV)" });
    download.addEventListener("click", () => downloadLog(u.thingName, month).catch((e) => show(e.message)));
    tile.append(download);
    return tile;
  });
  return ["Cold chain of " + ward, units.length ? element("ul", { class: "list" }, ...tiles)
    : element("p", { text: "No storage units on this ward." })];
}

async function devicesView(ward) {
  const { devices } = await api("/devices?ward=" + encodeURIComponent(ward) + "&limit=100");
  const rank = (d) => (d.silent ? 0 : 4) + (d.batteryLow ? 0 : 2) + (d.connection && !d.connection.connected ? 0 : 1);
  const sorted = devices.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).map((x) => x.d);
  return ["Devices of " + ward, element("ul", { class: "list" }, ...sorted.map((d) => element("li",
    { class: "device" + (d.silent ? " silent" : ""), "data-device": d.thingName },
    element("h3", { text: d.thingName }),
    element("p", { text: d.kind.replace("_", " ") + (d.place ? " at " + d.place : "") + ", " + d.status }),
    element("p", { text: (d.silent ? "\u26a0 SILENT, " : "") + (d.batteryLow ? "\u26a0 battery low, " : "battery ok, ")
      + (d.connection ? (d.connection.connected ? "connected" : "\u2716 disconnected") : "connection unknown")
      + ", last seen " + (d.lastSeen ? age(d.lastSeen) : "never") }))))];
}

const VIEWS = { ward: wardView, alerts: alertsView, storage: storageView, devices: devicesView };

async function refresh() {
  const ward = $("ward").value;
  if (!token || !ward) return;
  try {
    const [title, ...content] = await VIEWS[view](ward);
    $("board-title").textContent = title;
    // Keep what is being typed into a note: the view is rebuilt only when no note has focus.
    if (!$("content").contains(document.activeElement) || document.activeElement.tagName !== "INPUT") {
      $("content").replaceChildren(...content);
    }
    $("updated").textContent = "Updated " + new Date().toLocaleTimeString();
    $("board").hidden = false;
    show("");
  } catch (e) {
    if (token) {
      $("board").hidden = true;
      show(e.message);
    }
  }
}

async function start(idToken) {
  token = idToken;
  const who = claims(idToken);
  $("who").textContent = who["cognito:username"];
  $("sign-in").hidden = true;
  $("session").hidden = false;
  $("views").hidden = false;
  const { wards } = await api("/wards");
  $("ward").replaceChildren(...wards.map((w) => element("option", { value: w.ward, text: w.ward })));
  const asked = new URLSearchParams(location.search).get("ward");
  if (asked) {
    if (!wards.some((w) => w.ward === asked)) {
      $("ward").append(element("option", { value: asked, text: asked }));
    }
    $("ward").value = asked;
  }
  await refresh();
  timer = setInterval(refresh, REFRESH_MS);
}

function signOut(message) {
  token = null;
  clearInterval(timer);
  expanded.clear();
  sparks.clear();
  $("session").hidden = true;
  $("views").hidden = true;
  $("board").hidden = true;
  $("content").replaceChildren();
  $("sign-in").hidden = false;
  $("password").value = "";
  show(message || "");
}

async function main() {
  config = await (await fetch("/dashboard/config.json")).json();
  $("sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await start(await signIn($("username").value, $("password").value));
    } catch (e) {
      if (e.message !== "signed out") show(e.message);
    }
  });
  $("sign-out").addEventListener("click", () => signOut());
  $("ward").addEventListener("change", refresh);
  for (const button of document.querySelectorAll("#views button")) {
    button.addEventListener("click", () => {
      view = button.dataset.view;
      document.querySelectorAll("#views button").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      refresh();
    });
  }
}

main();
