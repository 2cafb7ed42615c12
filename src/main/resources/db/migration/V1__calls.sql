-- Every call and its transcript lines, copied from the files in LOG_DIR (the source of truth) by the sync worker
-- (dev.aivoicebot.store). Every write is idempotent, so a file can be synced again at any time.

-- One row per CallSid. Written when the call's first lines are synced (CallSid and start only), completed from its
-- details file (<start>_<CallSid>.json) when it has ended. A call handed back from a transfer nobody answered has
-- two transcripts (legs) under one CallSid: the row spans both (earliest start, last end).
CREATE TABLE calls (
    call_sid        text PRIMARY KEY,
    direction       text,
    from_number     text,
    to_number       text,
    profile         text,
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    duration_ms     bigint,
    end_reason      text,
    end_reason_text text,
    transfer_target text,
    recording_sid   text,
    summary         text,
    outcome         jsonb,
    usage           jsonb,
    cost_usd        numeric(12, 6)
);

CREATE INDEX calls_started_at ON calls (started_at);
CREATE INDEX calls_from_number ON calls (from_number);
CREATE INDEX calls_to_number ON calls (to_number);

-- One row per transcript line: seq is the line's 0-based index in its transcript file, leg_started_at the start
-- time in that file's name (one leg per transcript file). Order a call's lines by (leg_started_at, seq).
CREATE TABLE call_lines (
    call_sid       text        NOT NULL REFERENCES calls (call_sid) ON DELETE CASCADE,
    leg_started_at timestamptz NOT NULL,
    seq            integer     NOT NULL,
    at             timestamptz NOT NULL,
    speaker        text        NOT NULL,
    interrupted    boolean     NOT NULL,
    text           text        NOT NULL,
    PRIMARY KEY (call_sid, leg_started_at, seq)
);

-- Word search in what was said ('simple': no language's stemming or stop words, callers speak many languages).
CREATE INDEX call_lines_text_search ON call_lines USING gin (to_tsvector('simple', text));

-- Transcript files copied whole (their call had ended and every line is in call_lines): a replica that restarts
-- skips them instead of reading them again.
CREATE TABLE synced_transcripts (
    file_name text PRIMARY KEY,
    call_sid  text    NOT NULL REFERENCES calls (call_sid) ON DELETE CASCADE,
    lines     integer NOT NULL,
    synced_at timestamptz NOT NULL DEFAULT now()
);
