package dev.aivoicebot.bench;

/** Per-call counters summed over calls; the window's figures are the difference of two sums. */
record CallCounts(long framesSent, long answerFrames, long answerLost, long answerDuplicated, long answerReordered,
        long answerAfterClear, long badTags, long foreignFrames, long clears, long marksEchoed, long callsDropped, long framesSkipped) {

    static final CallCounts ZERO = new CallCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    CallCounts plus(CallCounts o) {
        return new CallCounts(framesSent + o.framesSent, answerFrames + o.answerFrames, answerLost + o.answerLost,
                answerDuplicated + o.answerDuplicated, answerReordered + o.answerReordered,
                answerAfterClear + o.answerAfterClear, badTags + o.badTags, foreignFrames + o.foreignFrames,
                clears + o.clears, marksEchoed + o.marksEchoed, callsDropped + o.callsDropped,
                framesSkipped + o.framesSkipped);
    }

    CallCounts minus(CallCounts o) {
        return new CallCounts(framesSent - o.framesSent, answerFrames - o.answerFrames, answerLost - o.answerLost,
                answerDuplicated - o.answerDuplicated, answerReordered - o.answerReordered,
                answerAfterClear - o.answerAfterClear, badTags - o.badTags, foreignFrames - o.foreignFrames,
                clears - o.clears, marksEchoed - o.marksEchoed, callsDropped - o.callsDropped,
                framesSkipped - o.framesSkipped);
    }
}
