// The browser's side of a call, speaking Twilio Media Streams to /voice/stream exactly as Twilio does.
'use strict';

(() => {
  const VOICED_RMS = 500;       // 16-bit RMS of a frame counted as the caller speaking (the emulator VAD's default)
  const NEW_ANSWER_GAP_MS = 400; // assistant audio after a pause this long, following caller speech, starts a new answer
  const SILENCE = new Uint8Array(160).fill(0xff);
  const MU_LAW = new Float32Array(256);
  for (let i = 0; i < 256; i++) {
    const u = ~i & 0xff;
    const exponent = (u >> 4) & 7;
    const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
    MU_LAW[i] = ((u & 0x80) ? -magnitude : magnitude) / 32768;
  }

  const stats = {
    framesSent: 0, framesReceived: 0, samplesPlayed: 0, samplesQueued: 0, clears: 0,
    lastClearDropped: 0, queuedAfterClear: null, marksReceived: 0, marksEchoed: 0, transcriptLines: 0,
  };
  const softphone = { stats, state: 'idle', closeReason: null, turns: [], call: startCall, hangUp, toggleMute };
  window.softphone = softphone;

  const $ = (id) => document.getElementById(id);
  let call = null;

  function setState(state, detail) {
    softphone.state = state;
    const el = $('state');
    el.className = 'state ' + state;
    el.textContent = detail ? state + ': ' + detail : state;
    $('call').disabled = state === 'connecting' || state === 'live';
    $('hangup').disabled = state !== 'live' && state !== 'connecting';
    $('mute').disabled = state !== 'live';
  }

  function randomHex(bytes) {
    return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function base64(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text);
  }

  function decode(payload) {
    const text = atob(payload);
    const samples = new Float32Array(text.length);
    for (let i = 0; i < text.length; i++) {
      samples[i] = MU_LAW[text.charCodeAt(i)];
    }
    return samples;
  }

  async function startCall() {
    if (call) {
      return;
    }
    $('transcript').replaceChildren();
    $('latency').replaceChildren();
    softphone.turns = [];
    softphone.closeReason = null;
    softphone.callSid = null;
    setState('connecting');
    const c = { seq: 0, chunk: 0, muted: false, ended: false, lastVoicedAt: 0, lastMediaAt: 0, answering: false };
    call = c;
    try {
      c.audio = new AudioContext();
      const response = await fetch('/phone/calls', { method: 'POST' });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        throw new Error(body.error || 'the service answered ' + response.status);
      }
      c.info = body;
      softphone.callSid = body.callSid;
      c.streamSid = 'MZ' + randomHex(16);
      c.accountSid = 'AC' + randomHex(16);
      await c.audio.audioWorklet.addModule('/phone/capture-worklet.js');
      await c.audio.audioWorklet.addModule('/phone/playback-worklet.js');
      c.mic = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
      if (c.ended) {
        throw new Error('hung up');
      }
      await c.audio.resume();
      c.player = new AudioWorkletNode(c.audio, 'playback', { numberOfInputs: 0, outputChannelCount: [1] });
      c.player.port.onmessage = (event) => fromPlayer(c, event.data);
      c.player.connect(c.audio.destination);
      c.capture = new AudioWorkletNode(c.audio, 'capture', { numberOfOutputs: 1 });
      c.capture.port.onmessage = (event) => fromMicrophone(c, event.data);
      const sink = new GainNode(c.audio, { gain: 0 }); // keeps the capture node pulled by the graph, silently
      c.audio.createMediaStreamSource(c.mic).connect(c.capture).connect(sink).connect(c.audio.destination);
      watchTranscript(c);
      openStream(c);
    } catch (error) {
      end(c, 'failed', error.message);
    }
  }

  function openStream(c) {
    c.ws = new WebSocket(c.info.streamUrl);
    c.ws.onopen = () => {
      send(c, { event: 'connected', protocol: 'Call', version: '1.0.0' });
      send(c, {
        event: 'start', sequenceNumber: String(++c.seq), streamSid: c.streamSid,
        start: {
          accountSid: c.accountSid, streamSid: c.streamSid, callSid: c.info.callSid, tracks: ['inbound'],
          customParameters: { CallSid: c.info.callSid, From: 'browser', To: 'softphone', streamToken: c.info.streamToken },
          mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        },
      });
      c.startedAt = performance.now();
      setState('live');
    };
    c.ws.onmessage = (event) => fromService(c, JSON.parse(event.data));
    c.ws.onclose = (event) => end(c, 'ended', closeText(event));
    c.ws.onerror = () => {}; // onclose follows with the code
  }

  function closeText(event) {
    if (event.reason) {
      return event.reason + ' (' + event.code + ')';
    }
    return event.code === 1006 ? 'the stream was refused or dropped (1006)' : 'closed (' + event.code + ')';
  }

  function send(c, message) {
    if (c.ws && c.ws.readyState === WebSocket.OPEN) {
      c.ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  function fromMicrophone(c, { frame, rms }) {
    if (softphone.state !== 'live') {
      return;
    }
    if (!c.muted && rms >= VOICED_RMS) {
      c.lastVoicedAt = performance.now();
    }
    const chunk = ++c.chunk;
    if (send(c, {
      event: 'media', sequenceNumber: String(++c.seq), streamSid: c.streamSid,
      media: { track: 'inbound', chunk: String(chunk), timestamp: String((chunk - 1) * 20), payload: base64(c.muted ? SILENCE : frame) },
    })) {
      stats.framesSent++;
    }
  }

  function fromService(c, message) {
    if (message.event === 'media') {
      stats.framesReceived++;
      answerAudio(c);
      const samples = decode(message.media.payload);
      c.player.port.postMessage({ type: 'audio', samples }, [samples.buffer]);
    } else if (message.event === 'mark') {
      stats.marksReceived++;
      c.player.port.postMessage({ type: 'mark', name: message.mark.name });
    } else if (message.event === 'clear') {
      stats.clears++;
      c.answering = false;
      c.player.port.postMessage({ type: 'clear' });
    }
  }

  // Response latency of a turn: the caller's last voiced frame before the answer → its first audio here.
  function answerAudio(c) {
    const now = performance.now();
    const newAnswer = !c.answering || (now - c.lastMediaAt > NEW_ANSWER_GAP_MS && c.lastVoicedAt > c.lastMediaAt);
    c.lastMediaAt = now;
    if (!newAnswer) {
      return;
    }
    c.answering = true;
    const turn = softphone.turns.length === 0 // the assistant speaks first
      ? { kind: 'greeting', ms: Math.round(now - c.startedAt) }
      : { kind: 'answer', ms: Math.round(now - c.lastVoicedAt) };
    softphone.turns.push(turn);
    const li = document.createElement('li');
    li.textContent = (turn.kind === 'greeting' ? 'greeting, after start: ' : 'answer ' + (softphone.turns.length - 1) + ': ')
      + (turn.ms / 1000).toFixed(2) + ' s';
    $('latency').append(li);
  }

  function fromPlayer(c, message) {
    if (message.type === 'mark') {
      if (send(c, { event: 'mark', sequenceNumber: String(++c.seq), streamSid: c.streamSid, mark: { name: message.name } })) {
        stats.marksEchoed++;
      }
    } else if (message.type === 'cleared') {
      stats.lastClearDropped = message.dropped;
      stats.queuedAfterClear = message.queued;
      stats.samplesQueued = message.queued;
    } else if (message.type === 'stats') {
      stats.samplesPlayed = message.played;
      stats.samplesQueued = message.queued;
      showStats();
    }
  }

  function showStats() {
    const rows = [
      ['frames sent', stats.framesSent], ['frames received', stats.framesReceived],
      ['played', (stats.samplesPlayed / 8000).toFixed(1) + ' s'], ['queued', (stats.samplesQueued / 8000).toFixed(2) + ' s'],
      ['clears (barge-ins)', stats.clears], ['marks echoed', stats.marksEchoed],
    ];
    $('stats').replaceChildren(...rows.flatMap(([name, value]) => {
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = name;
      dd.textContent = value;
      return [dt, dd];
    }));
  }

  function watchTranscript(c) {
    let shown = 0;
    let skip = 0;
    c.events = new EventSource(c.info.transcriptUrl);
    c.events.onopen = () => { skip = shown; }; // a reconnect replays the lines so far
    c.events.onmessage = (event) => {
      if (skip > 0) {
        skip--;
        return;
      }
      shown++;
      const line = JSON.parse(event.data);
      stats.transcriptLines++;
      const li = document.createElement('li');
      li.className = line.speaker + (line.interrupted ? ' interrupted' : '')
          + (line.speaker === 'system' && /^(tool|MCP) /.test(line.text) ? ' tool' : '');
      const time = document.createElement('time');
      time.textContent = new Date(line.at).toLocaleTimeString();
      const speaker = document.createElement('span');
      speaker.className = 'speaker';
      speaker.textContent = line.speaker;
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = line.text;
      li.append(time, speaker, text);
      $('transcript').append(li);
      li.scrollIntoView({ block: 'nearest' });
      if (line.speaker === 'system' && line.text.startsWith('call ended')) {
        c.events.close();
      }
    };
  }

  function hangUp() {
    if (!call) {
      return;
    }
    const c = call;
    send(c, { event: 'stop', sequenceNumber: String(++c.seq), streamSid: c.streamSid, stop: { accountSid: c.accountSid, callSid: c.info && c.info.callSid } });
    end(c, 'ended', 'you hung up');
  }

  function toggleMute() {
    if (!call) {
      return;
    }
    call.muted = !call.muted;
    $('mute').setAttribute('aria-pressed', String(call.muted));
    $('mute').textContent = call.muted ? 'Unmute' : 'Mute';
  }

  function end(c, state, detail) {
    if (c.ended) {
      return;
    }
    c.ended = true;
    softphone.closeReason = detail;
    if (c.ws && c.ws.readyState <= WebSocket.OPEN) {
      c.ws.close(1000, 'hang up');
    }
    if (c.mic) {
      c.mic.getTracks().forEach((track) => track.stop());
    }
    if (c.audio) {
      c.audio.close();
    }
    if (c.events) {
      setTimeout(() => c.events.close(), 5000); // the last lines ("call ended") are still on their way
    }
    if (call === c) {
      call = null;
    }
    $('mute').textContent = 'Mute';
    $('mute').setAttribute('aria-pressed', 'false');
    showStats();
    setState(state, detail);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('call').addEventListener('click', startCall);
    $('hangup').addEventListener('click', hangUp);
    $('mute').addEventListener('click', toggleMute);
    showStats();
  });
})();
