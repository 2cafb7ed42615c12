// Audio thread: the microphone at the context's rate in, 20 ms frames of 8 kHz μ-law out.
// Each 8 kHz sample is the mean of the input samples it covers (a box low-pass, enough for speech).

const FRAME_BYTES = 160;

function muLawEncode(pcm) {
  const sign = pcm < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(pcm), 32635) + 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) {
    exponent--;
  }
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.inputPerOutput = sampleRate / 8000;
    this.position = 0;
    this.sum = 0;
    this.count = 0;
    this.frame = new Uint8Array(FRAME_BYTES);
    this.fill = 0;
    this.energy = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) {
      return true;
    }
    for (let i = 0; i < channel.length; i++) {
      this.sum += channel[i];
      this.count++;
      this.position++;
      if (this.position >= this.inputPerOutput) {
        this.position -= this.inputPerOutput;
        const mean = Math.max(-1, Math.min(1, this.sum / this.count));
        this.sum = 0;
        this.count = 0;
        const pcm = Math.round(mean * 32767);
        this.energy += pcm * pcm;
        this.frame[this.fill++] = muLawEncode(pcm);
        if (this.fill === FRAME_BYTES) {
          this.port.postMessage({ frame: this.frame, rms: Math.sqrt(this.energy / FRAME_BYTES) }, [this.frame.buffer]);
          this.frame = new Uint8Array(FRAME_BYTES);
          this.fill = 0;
          this.energy = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('capture', CaptureProcessor);
