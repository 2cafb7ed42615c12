// Audio thread: plays queued 8 kHz samples at the context's rate (linear interpolation), like Twilio's player:
// a mark is reported once the audio queued before it has played; 'clear' drops the queue at once and reports
// every pending mark. Positions count 8 kHz samples since the call started.

class PlaybackProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.chunks = [];
    this.offset = 0;
    this.queued = 0;
    this.enqueued = 0;
    this.played = 0;
    this.marks = [];
    this.step = 8000 / sampleRate;
    this.phase = 0;
    this.from = 0;
    this.to = 0;
    this.blocks = 0;
    this.port.onmessage = (event) => this.receive(event.data);
  }

  receive(message) {
    if (message.type === 'audio') {
      this.chunks.push(message.samples);
      this.queued += message.samples.length;
      this.enqueued += message.samples.length;
    } else if (message.type === 'mark') {
      if (this.enqueued <= this.played) {
        this.port.postMessage({ type: 'mark', name: message.name });
      } else {
        this.marks.push({ name: message.name, at: this.enqueued });
      }
    } else if (message.type === 'clear') {
      const dropped = this.queued;
      this.chunks = [];
      this.offset = 0;
      this.queued = 0;
      this.played = this.enqueued;
      this.from = 0;
      this.to = 0;
      this.port.postMessage({ type: 'cleared', dropped, queued: this.queued });
      this.marks.splice(0).forEach((mark) => this.port.postMessage({ type: 'mark', name: mark.name }));
    }
  }

  next() {
    while (this.chunks.length > 0 && this.offset >= this.chunks[0].length) {
      this.chunks.shift();
      this.offset = 0;
    }
    if (this.chunks.length === 0) {
      return null;
    }
    this.queued--;
    this.played++;
    return this.chunks[0][this.offset++];
  }

  process(inputs, outputs) {
    const out = outputs[0][0];
    const wasPlaying = this.queued > 0;
    for (let i = 0; i < out.length; i++) {
      out[i] = this.from + (this.to - this.from) * this.phase;
      this.phase += this.step;
      while (this.phase >= 1) {
        this.phase -= 1;
        this.from = this.to;
        const sample = this.next();
        this.to = sample === null ? 0 : sample;
      }
    }
    while (this.marks.length > 0 && this.marks[0].at <= this.played) {
      this.port.postMessage({ type: 'mark', name: this.marks.shift().name });
    }
    if (++this.blocks % 16 === 0 || (wasPlaying && this.queued === 0)) {
      this.port.postMessage({ type: 'stats', played: this.played, queued: this.queued });
    }
    return true;
  }
}

registerProcessor('playback', PlaybackProcessor);
