// The clerk's desk: the queue of callers and the call, with the browser's own WebRTC.
// Signalling is the hub's WebSocket (/desk/ws, wire/call.py). The terminal (aiortc) sends a
// complete offer; this page answers once its own candidates are gathered (the hub relays
// whole descriptions, no trickle). Loaded as a file of the hub's origin: the page's CSP
// allows no inline script.
"use strict";

(() => {
  const desk = document.getElementById("desk");
  const csrf = desk.dataset.csrf;
  const stateLine = document.getElementById("desk-state");
  const queueTable = document.getElementById("queue");
  const queueBody = queueTable.querySelector("tbody");
  const queueEmpty = document.getElementById("queue-empty");
  const callSection = document.getElementById("call");
  const remoteVideo = document.getElementById("remote");
  const remoteAudio = document.getElementById("remote-audio");
  const localVideo = document.getElementById("local");
  const chatLog = document.getElementById("chat-log");
  const chatForm = document.getElementById("chat-form");
  const chatText = document.getElementById("chat-text");
  const muteButton = document.getElementById("mute");
  const awayButton = document.getElementById("away");
  const cameraButton = document.getElementById("camera");
  const printForm = document.getElementById("print-form");
  const printState = document.getElementById("print-state");
  const arrivals = document.getElementById("arrivals");
  const arrivalsEmpty = document.getElementById("arrivals-empty");
  const notifyAllow = document.getElementById("notify-allow");
  const GATHER_MAX_MS = 3000;
  const PRINTED = {
    printed: "Gedruckt.",
    printed_unconfirmed: "An den Drucker gegeben (der Drucker bestätigt nicht).",
    paper_out: "Nicht gedruckt: Der Drucker hat kein Papier.",
    cover_open: "Nicht gedruckt: Die Druckerklappe ist offen.",
    offline: "Nicht gedruckt: Der Drucker antwortet nicht.",
    failed: "Nicht gedruckt: Druckerfehler.",
    refused: "Nicht gedruckt: Das Terminal hat das Dokument abgelehnt.",
  };

  const coviewService = document.getElementById("coview-service");
  const chipPhoto = document.getElementById("chip-photo");
  const soundState = document.getElementById("sound-state");
  const chipPhotoBox = document.getElementById("chip-photo-box");
  const documentPhoto = document.getElementById("document-photo");
  const documentPhotoBox = document.getElementById("document-photo-box");
  const documentState = document.getElementById("document-state");
  const confirmBasis = document.getElementById("confirm-basis");
  let basisChosen = false; // the clerk picked the basis by hand (not changed for them then)
  confirmBasis.addEventListener("change", () => { basisChosen = true; });
  const coviewPages = document.getElementById("coview-pages");
  const ANSWERED = { accepted: "übernommen ✓", declined: "nicht übernommen" };
  const FORM_MAX_BYTES = 64000;

  let socket = null;
  let pc = null;
  let formChannel = null;
  let away = false;
  const roundTrips = [];
  let local = null;
  let ready = null; // resolves once the call's media and connection are set up
  let call = null;
  let waitingBefore = 0;

  function say(text) {
    stateLine.textContent = text;
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    }
  }

  function minutes(seconds) {
    if (seconds < 60) return "unter 1 Minute";
    const m = Math.round(seconds / 60);
    return m === 1 ? "1 Minute" : m + " Minuten";
  }

  function showQueue(waiting) {
    queueBody.replaceChildren();
    for (const caller of waiting) {
      const row = document.createElement("tr");
      for (const text of [caller.terminal, caller.place, caller.language, caller.topic,
                          minutes(caller.waiting_s)]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      const cell = document.createElement("td");
      const answer = document.createElement("button");
      answer.type = "button";
      answer.textContent = "Annehmen";
      answer.disabled = call !== null;
      answer.addEventListener("click", () => send({ type: "take", call_id: caller.call_id }));
      cell.append(answer);
      row.append(cell);
      queueBody.append(row);
    }
    queueTable.hidden = waiting.length === 0;
    queueEmpty.hidden = waiting.length !== 0;
    if (waiting.length > waitingBefore && call === null) announce(waiting.length);
    waitingBefore = waiting.length;
  }

  // A submission arrived: on the page at once, with a tone and a notification, so a clerk
  // working calls never misses one (its content is in the inbox).
  function arrived(message) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = "/inbox/" + encodeURIComponent(message.id);
    link.textContent = message.service;
    item.append(link, " – " + message.place + " – " + new Date().toLocaleTimeString("de-DE"));
    arrivals.prepend(item);
    arrivalsEmpty.hidden = true;
    beep(660);
    notify("Neuer Antrag: " + message.service);
  }

  function beep(frequency) {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    } catch (e) {
      // No sound device: the page shows it all the same.
    }
  }

  function notify(text) {
    if ("Notification" in window && Notification.permission === "granted") {
      new Notification("Bürgerterminal", { body: text });
    }
  }

  // A new caller: a short tone, and the browser's notification where the clerk allowed it
  // (not while they set themselves away).
  function announce(count) {
    if (away) return;
    beep(880);
    notify(count + " Anruf(e) warten");
  }

  async function startCall(message) {
    call = message;
    document.getElementById("call-place").textContent = message.place + " (" + message.terminal + ")";
    callSection.hidden = false;
    chatLog.replaceChildren();
    printState.textContent = "";
    document.getElementById("last-call").textContent = "";
    say("Verbinde mit dem Terminal …");
    pc = new RTCPeerConnection({
      iceServers: message.ice_servers,
      iceTransportPolicy: message.ice_policy === "relay" ? "relay" : "all",
      bundlePolicy: "max-bundle",
    });
    pc.addEventListener("datachannel", (event) => {
      if (event.channel.label !== "pop.form") return;
      formChannel = event.channel;
      formChannel.addEventListener("message", (e) => formMessage(e.data));
    });
    pc.addEventListener("track", (event) => {
      const target = event.track.kind === "video" ? remoteVideo : remoteAudio;
      target.srcObject = event.streams[0] || new MediaStream([event.track]);
    });
    pc.addEventListener("connectionstatechange", () => {
      if (pc && pc.connectionState === "connected") say("Im Gespräch.");
      if (pc && pc.connectionState === "failed") say("Die Verbindung ist abgebrochen.");
    });
    local = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    localVideo.srcObject = local;
    for (const track of local.getTracks()) pc.addTrack(track, local);
  }

  async function answerOffer(sdp) {
    await ready;
    if (!pc) return;
    await pc.setRemoteDescription({ type: "offer", sdp: sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    send({ type: "answer", sdp: pc.localDescription.sdp });
  }

  function gathered(connection) {
    if (connection.iceGatheringState === "complete") return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (connection.iceGatheringState === "complete") resolve();
      };
      connection.addEventListener("icegatheringstatechange", done);
      setTimeout(resolve, GATHER_MAX_MS);
    });
  }

  // --- the citizen's form, seen together (wire/coview.py: pop.form/1 on the data channel) ---

  let shownValues = {}; // each field's value as last shown, to mark what changed
  let formShape = ""; // the form's fields as last built

  function formMessage(data) {
    if (typeof data !== "string" || data.length > FORM_MAX_BYTES) return;
    let message;
    try {
      message = JSON.parse(data);
    } catch (error) {
      return;
    }
    if (message.type === "ping") {
      sendForm({ type: "pong", t: message.t });
    } else if (message.type === "pong") {
      roundTrips.push(performance.now() - message.t);
    } else if (message.type === "form") {
      showForm(message);
    } else if (message.type === "photo") {
      showPhoto(message);
    } else if (message.type === "document_declined") {
      documentState.textContent = "Die Person möchte kein Foto des Ausweises senden.";
    } else if (message.type === "document_failed") {
      documentState.textContent = "Die Kamera am Terminal konnte kein Foto aufnehmen.";
    }
  }

  function showPhoto(photo) {
    if (photo.mime !== "image/jpeg" && photo.mime !== "image/png") return;
    let bytes;
    try {
      bytes = Uint8Array.from(atob(photo.data), (c) => c.charCodeAt(0));
    } catch (error) {
      return;
    }
    // The chip's photo, or the document the person held to the camera when asked.
    const fromCamera = photo.source === "camera";
    const [img, box] = fromCamera ? [documentPhoto, documentPhotoBox] : [chipPhoto, chipPhotoBox];
    dropPhoto(img, box);
    img.src = URL.createObjectURL(new Blob([bytes], { type: photo.mime }));
    box.hidden = false;
    // What the clerk looks at now is offered as the basis, until they choose one themselves.
    if (!basisChosen) confirmBasis.value = fromCamera ? "document_photo" : "chip_photo";
    if (fromCamera) documentState.textContent = "Foto des Ausweises erhalten.";
  }

  function dropPhoto(img, box) {
    if (img.src) URL.revokeObjectURL(img.src);
    img.removeAttribute("src");
    box.hidden = true;
  }

  function dropPhotos() {
    dropPhoto(chipPhoto, chipPhotoBox);
    dropPhoto(documentPhoto, documentPhotoBox);
    confirmBasis.value = "video";
    basisChosen = false;
    documentState.textContent = "";
  }

  function sendForm(message) {
    if (formChannel && formChannel.readyState === "open") formChannel.send(JSON.stringify(message));
  }

  function showForm(form) {
    coviewService.textContent = form.service
      ? form.service + " – die Person ist auf Seite " + (form.page + 1) + " von " + form.pages.length
      : "Die Person hat noch keine Leistung gewählt.";
    const pending = form.pending || {};
    const answered = form.answered || {};
    const seen = shownValues;
    shownValues = {};
    // The form comes again as the citizen types (up to four times a second). While its fields
    // stay the same, only what they show changes, in place: what the clerk is writing in a
    // suggestion box, an open list, a selection and the scroll position all stay.
    const shape = JSON.stringify([form.service, form.pages.map((page) => [page.title,
      page.fields.map((f) => [f.key, f.kind, f.label, f.required, f.locked, f.choices])])]);
    if (shape !== formShape) {
      formShape = shape;
      rebuildForm(form);
    }
    form.pages.forEach((page, index) => {
      const box = coviewPages.children[index];
      if (box) box.classList.toggle("coview-current", index === form.page);
      for (const field of page.fields) {
        const row = box && box.querySelector("[data-key='" + CSS.escape(field.key) + "']");
        if (!row) continue;
        updateRow(row, field, pending, answered);
        shownValues[field.key] = field.shown;
        if (field.key in seen && seen[field.key] !== field.shown) {
          row.classList.remove("coview-changed");
          void row.offsetWidth; // (restarts the highlight's fading)
          row.classList.add("coview-changed");
        }
      }
    });
  }

  function rebuildForm(form) {
    // Another service, or other fields: built anew, keeping what the clerk was writing.
    const typing = {};
    for (const input of coviewPages.querySelectorAll("[name^='suggest-']")) typing[input.name] = input.value;
    const focused = document.activeElement && coviewPages.contains(document.activeElement)
      ? document.activeElement : null;
    const caret = focused && "selectionStart" in focused && focused.type !== "select-one"
      ? [focused.selectionStart, focused.selectionEnd] : null;
    const pages = form.pages.map((page, index) => {
      const box = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = (index + 1) + ". " + page.title;
      box.append(legend);
      for (const field of page.fields) box.append(fieldRow(field));
      return box;
    });
    coviewPages.replaceChildren(...pages);
    for (const input of coviewPages.querySelectorAll("[name^='suggest-']")) {
      if (input.name in typing) input.value = typing[input.name];
    }
    if (focused) {
      const again = coviewPages.querySelector("[name='" + CSS.escape(focused.name) + "']");
      if (again) {
        again.focus({ preventScroll: true });
        if (caret) again.setSelectionRange(caret[0], caret[1]);
      }
    }
  }

  function fieldRow(field) {
    const row = document.createElement("div");
    row.className = "coview-field";
    row.dataset.key = field.key;
    const label = document.createElement("span");
    label.className = "coview-label";
    label.textContent = field.label + (field.required ? " *" : "");
    const value = document.createElement("span");
    value.className = "coview-value";
    const problem = document.createElement("span");
    problem.className = "coview-problem";
    const state = document.createElement("span");
    state.className = "coview-state";
    state.setAttribute("role", "status");
    row.append(label, value, problem, state);
    if (!field.locked) row.append(suggestForm(field));
    return row;
  }

  function updateRow(row, field, pending, answered) {
    row.querySelector(".coview-value").textContent = field.shown || "(leer)";
    row.querySelector(".coview-problem").textContent = field.problem ? "Noch nicht in Ordnung" : "";
    let state = "";
    if (field.locked) state = "vom Ausweis, nicht änderbar";
    else if (field.key in pending) state = "Vorschlag wartet auf die Person";
    else if (field.key in answered) state = "Vorschlag " + ANSWERED[answered[field.key]];
    const stateBox = row.querySelector(".coview-state");
    if (stateBox.textContent !== state) stateBox.textContent = state;
  }

  function suggestForm(field) {
    const form = document.createElement("form");
    form.className = "coview-suggest";
    let input;
    if (field.kind === "choice" || field.kind === "yes_no") {
      input = document.createElement("select");
      const choices = field.kind === "yes_no"
        ? [{ value: "yes", label: "Ja" }, { value: "no", label: "Nein" }]
        : field.choices;
      for (const choice of choices) {
        const option = document.createElement("option");
        option.value = choice.value;
        option.textContent = choice.label;
        input.append(option);
      }
    } else if (field.kind === "address") {
      input = document.createElement("input");
      input.placeholder = "Straße Nr., PLZ Ort";
    } else {
      input = document.createElement(field.kind === "multiline" ? "textarea" : "input");
      input.maxLength = 2000;
    }
    input.name = "suggest-" + field.key;
    input.setAttribute("aria-label", "Vorschlag für " + field.label);
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = "Vorschlagen";
    form.append(input, button);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      sendForm({ type: "suggest", key: field.key, value: field.kind === "address" ? address(text) : text });
    });
    return form;
  }

  function address(text) {
    // "Hauptstraße 5, 12345 Musterstadt" into the parts the form keeps; only the parts
    // written are sent (the terminal keeps the others as the citizen entered them).
    const [streetPart, townPart] = text.split(",").map((part) => (part || "").trim());
    const parts = {};
    const street = (streetPart || "").match(/^(.*?)\s+(\d+[\w/-]*)$/);
    if (street) {
      parts.street = street[1];
      parts.house_number = street[2];
    } else if (streetPart) {
      parts.street = streetPart;
    }
    const town = (townPart || "").match(/^(\d{5})(?:\s+(.*))?$/);
    if (town) {
      parts.postcode = town[1];
      if (town[2]) parts.city = town[2];
    } else if (townPart) {
      parts.city = townPart;
    }
    return parts;
  }

  function endCall(text) {
    // Nothing of this citizen stays on the page for the next call.
    formChannel = null;
    dropPhotos();
    soundState.textContent = "";
    coviewPages.replaceChildren();
    shownValues = {};
    formShape = "";
    basisChosen = false;
    coviewService.textContent = "Noch kein Antrag zu sehen.";
    printForm.reset();
    printState.textContent = "";
    document.getElementById("identity-state").textContent = "";
    chatText.value = "";
    chatLog.replaceChildren();
    if (pc) pc.close();
    pc = null;
    if (local) for (const track of local.getTracks()) track.stop();
    local = null;
    call = null;
    ready = null;
    remoteVideo.srcObject = null;
    remoteAudio.srcObject = null;
    localVideo.srcObject = null;
    callSection.hidden = true;
    // Kept until the next call (the desk's own state line changes with every queue update).
    if (text) document.getElementById("last-call").textContent = text;
  }

  function addChat(text, fromTerminal) {
    const line = document.createElement("li");
    line.className = fromTerminal ? "from-terminal" : "from-clerk";
    line.textContent = (fromTerminal ? "Bürger/in: " : "Sie: ") + text;
    chatLog.append(line);
    chatLog.scrollTop = chatLog.scrollHeight;
  }

  // Colleagues free to take a call handed on (this clerk is in the call, so not among them).
  function showColleagues(free) {
    const select = document.getElementById("transfer-to");
    select.replaceChildren();
    for (const user of free) {
      const option = document.createElement("option");
      option.value = user;
      option.textContent = user;
      select.append(option);
    }
    document.getElementById("transfer").disabled = free.length === 0;
  }

  const ENDED = {
    transferred: "Der Anruf wurde weitergeleitet.",
    hung_up: "Das Gespräch wurde beendet.",
    terminal_gone: "Die Verbindung zum Terminal ist abgebrochen.",
    cancelled: "Der Anruf wurde abgebrochen.",
  };

  function handle(message) {
    switch (message.type) {
      case "queue":
        showQueue(message.waiting);
        showColleagues(message.free || []);
        if (call === null && away) {
          say("Sie sind abwesend: Anrufe klingeln bei Ihnen nicht (" + message.clerks + " am Platz).");
        } else if (call === null) {
          say(message.clerks + " Kolleg(inn)en am Platz. Bereit für Anrufe.");
        }
        break;
      case "connected":
        ready = startCall(message).catch((error) => {
          say("Kamera oder Mikrofon nicht verfügbar: " + error.name);
          send({ type: "hangup" });
          endCall();
        });
        break;
      case "submission":
        arrived(message);
        break;
      case "transfer_failed":
        say("Weiterleiten ging nicht: " + message.to + " ist nicht mehr am Platz.");
        break;
      case "missed":
        say("Diesen Anruf hat bereits jemand angenommen.");
        break;
      case "offer":
        answerOffer(message.sdp);
        break;
      case "chat":
        addChat(message.text, true);
        break;
      case "identity":
        document.getElementById("identity-state").textContent = message.confirmed
          ? "Identität bestätigt ✓" : "Nicht bestätigt: kein laufendes Gespräch.";
        break;
      case "sound":
        soundState.textContent = message.ok
          ? "" : "Am Terminal ist kein Ton verfügbar: Bitte schreiben Sie im Chat.";
        break;
      case "printed":
        printState.textContent = PRINTED[message.outcome] || "Druckergebnis: " + message.outcome;
        break;
      case "ended":
        endCall(ENDED[message.reason] || "Das Gespräch ist beendet.");
        break;
    }
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/desk/ws");
    socket.addEventListener("open", () => send({ type: "hello", csrf: csrf }));
    socket.addEventListener("message", (event) => handle(JSON.parse(event.data)));
    socket.addEventListener("close", () => {
      if (call !== null) endCall();
      say("Verbindung zum Server unterbrochen – neuer Versuch …");
      setTimeout(connect, 2000);
    });
  }

  if ("Notification" in window && Notification.permission === "default") {
    notifyAllow.hidden = false;
    notifyAllow.addEventListener("click", () => {
      Notification.requestPermission().then(() => { notifyAllow.hidden = true; });
    });
  }
  document.getElementById("hangup").addEventListener("click", () => {
    send({ type: "hangup", call_id: call ? call.call_id : "" });
    endCall("Sie haben aufgelegt.");
  });
  awayButton.addEventListener("click", () => {
    away = !away;
    send({ type: "away", away: away });
    awayButton.textContent = away ? "Wieder da" : "Abwesend";
    awayButton.setAttribute("aria-pressed", String(away));
  });

  muteButton.addEventListener("click", () => {
    if (!local) return;
    const track = local.getAudioTracks()[0];
    track.enabled = !track.enabled;
    muteButton.textContent = track.enabled ? "Mikrofon aus" : "Mikrofon an";
  });
  cameraButton.addEventListener("click", () => {
    if (!local) return;
    const track = local.getVideoTracks()[0];
    track.enabled = !track.enabled;
    cameraButton.textContent = track.enabled ? "Kamera aus" : "Kamera an";
  });
  document.getElementById("transfer").addEventListener("click", () => {
    const to = document.getElementById("transfer-to").value;
    if (call !== null && to) send({ type: "transfer", to: to });
  });
  document.getElementById("confirm-identity").addEventListener("click", () => {
    if (call !== null) send({ type: "confirm_identity", basis: confirmBasis.value });
  });
  document.getElementById("want-document").addEventListener("click", () => {
    if (!formChannel || formChannel.readyState !== "open") return;
    sendForm({ type: "want_document" });
    documentState.textContent = "Die Person wird gebeten, ihren Ausweis vor die Kamera zu halten …";
  });
  printForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (call === null) return;
    const lines = document.getElementById("print-lines").value.split("\n")
      .map((line) => line.trim()).filter((line) => line !== "");
    send({
      type: "print",
      kind: document.getElementById("print-kind").value,
      title: document.getElementById("print-title").value.trim(),
      lines: lines,
    });
    printState.textContent = "Wird gedruckt …";
  });
  chatForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = chatText.value.trim();
    if (!text || call === null) return;
    send({ type: "chat", text: text });
    addChat(text, false);
    chatText.value = "";
  });

  // For the end-to-end tests and the clerk's own check: what arrives from the terminal.
  window.popDesk = {
    photoShown() {
      return !chipPhotoBox.hidden && chipPhoto.complete && chipPhoto.naturalWidth > 0;
    },
    documentShown() {
      return !documentPhotoBox.hidden && documentPhoto.complete && documentPhoto.naturalWidth > 0
        ? [documentPhoto.naturalWidth, documentPhoto.naturalHeight] : null;
    },
    formOpen() {
      return formChannel !== null && formChannel.readyState === "open";
    },
    // The data channel's round trips (ms), measured from here.
    pingForm(count) {
      for (let i = 0; i < count; i++) sendForm({ type: "ping", t: performance.now() });
    },
    roundTrips() {
      return roundTrips.slice();
    },
    async received() {
      if (!pc) return null;
      const found = { framesDecoded: 0, audioEnergy: 0, state: pc.connectionState, route: "" };
      const stats = await pc.getStats();
      stats.forEach((report) => {
        if (report.type === "transport" && report.selectedCandidatePairId) {
          const pair = stats.get(report.selectedCandidatePairId);
          const local = pair && stats.get(pair.localCandidateId);
          if (local) found.route = local.candidateType;
        }
        if (report.type === "inbound-rtp" && report.kind === "video") {
          found.framesDecoded = report.framesDecoded || 0;
        }
        if (report.type === "inbound-rtp" && report.kind === "audio") {
          found.audioEnergy = report.totalAudioEnergy || 0;
        }
      });
      return found;
    },
    inCall: () => call !== null,
  };

  connect();
})();
