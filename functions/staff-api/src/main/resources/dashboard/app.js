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
  const note = element("input", { "aria-label": "Note for alert " + alert.alertId, placeholder: "note", maxlength: "500" });
  const form = element("form", {}, note, element("button", { type: "submit", text: "Acknowledge" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("/alerts/" + encodeURIComponent(alert.alertId) + "/ack", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ note: note.value || "seen" }) });
      show("");
      await refresh();
    } catch (e) {
      show(e.message);
    }
  });
  item.append(form);
  return item;
}

function bedTile(bed) {
  const worst = bed.openAlerts.some((a) => a.severity === "CRITICAL") ? "critical"
    : bed.openAlerts.some((a) => a.severity === "WARNING") ? "warning" : "";
  const tile = element("li", { class: "bed " + worst, "data-bed": bed.bed, "aria-label": "Bed " + bed.bed },
    element("h3", { text: "Bed " + bed.bed }),
    element("p", { class: "patient", text: bed.admission ? "Patient " + bed.admission.patientRef : "No patient admitted" }));
  const parameters = element("ul", { class: "parameters" });
  for (const p of bed.parameters) {
    parameters.append(element("li", {}, element("span", { text: p.metric.replace("_", " ") }),
      element("span", { text: p.value + " " + p.unit }),
      element("span", { class: "age", text: age(p.at) + " \u00b7 " + p.source })));
  }
  tile.append(parameters);
  if (bed.news2) {
    tile.append(element("p", { class: "news2", text: "NEWS2 " + bed.news2.score + " (" + bed.news2.response.toLowerCase()
      + (bed.news2.partial ? ", partial" : "") + ")" }));
  }
  if (bed.openAlerts.length) {
    tile.append(element("ul", { class: "alerts", "aria-label": "Open alerts of bed " + bed.bed },
      ...bed.openAlerts.map(alertItem)));
  }
  if (bed.devices.length) {
    tile.append(element("p", { class: "devices", text: "Devices: " + bed.devices.map((d) => d.thingName).join(", ") }));
  }
  return tile;
}

async function refresh() {
  const ward = $("ward").value;
  if (!token || !ward) return;
  try {
    const board = await api("/wards/" + encodeURIComponent(ward) + "/beds?limit=100");
    $("board-title").textContent = "Beds of " + board.ward;
    $("beds").replaceChildren(...sortBeds(board.beds).map(bedTile));
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
  $("session").hidden = true;
  $("board").hidden = true;
  $("beds").replaceChildren();
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
}

main();
