import Foundation
import ParityTestSupport

/// `parity capture` started and SIGKILLed again and again, each time after a random delay, so the kills land
/// anywhere: while connecting, mid-stream, mid-apply, inside streamed transactions.
struct KillLoop {
    let parityBinary: String
    let configPath: String
    let probe: StoreProbe
    /// How many times capture is started and killed.
    let kills: Int
    /// The delay before each kill, in milliseconds.
    let delay: ClosedRange<Int>
    /// The loop ends here even if not every kill was made (the tally then says so).
    let deadline: Date

    /// What the kills did.
    struct Tally {
        /// Starts of capture.
        var started = 0
        /// Kills that found capture still running (its exit status was SIGKILL's).
        var killed = 0
        /// Kills after which some source's durable checkpoint had moved since the previous kill.
        var progressed = 0
        /// The largest resident set any killed capture reached, in bytes.
        var peakResidentBytes = 0
        /// Exits capture made on its own before its kill: status and the end of its output.
        var exitedEarly: [String] = []
    }

    /// Runs the loop with delays drawn from `random`.
    func run(using random: inout SplitMix64) throws -> Tally {
        var tally = Tally()
        var checkpoints = try probe.checkpoints()
        while tally.started < kills && Date() < deadline {
            let capture = try RunningProcess([parityBinary, "capture", "--config", configPath])
            tally.started += 1
            usleep(UInt32(Int.random(in: delay, using: &random) * 1_000))
            capture.send(SIGKILL)
            let (status, peak) = capture.waitWithPeakMemory()
            tally.peakResidentBytes = max(tally.peakResidentBytes, peak)
            if status == 128 + SIGKILL {
                tally.killed += 1
            } else {
                tally.exitedEarly.append("exit \(status): \(capture.output.suffix(400))")
            }
            let now = try probe.checkpoints()
            if now != checkpoints { tally.progressed += 1 }
            checkpoints = now
        }
        return tally
    }
}
