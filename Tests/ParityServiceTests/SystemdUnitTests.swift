import Foundation
import ParityTestSupport
import Testing

/// Issue 27: the shipped unit is hardened; `systemd-analyze security` rates it OK (at most 2.0) where the tool exists.
@Suite("The shipped systemd unit")
struct SystemdUnitTests {
    static let analyzer = "/usr/bin/systemd-analyze"

    @Test("systemd-analyze security rates config/parity.service at most 2.0", .enabled(if: FileManager.default.isExecutableFile(atPath: analyzer)))
    func hardened() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let unit = root.appendingPathComponent("config/parity.service").path
        let run = try CommandRunner.run([Self.analyzer, "security", "--offline=true", "--no-pager", unit])
        let line = try #require(run.output.split(separator: "\n").first { $0.contains("Overall exposure level") }, "\(run.output)")
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }, "\(line)")
        #expect(score <= 2.0, "\(line)")
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        #expect(text.contains("UMask=0077") && text.contains("StateDirectory=parity"))
    }
}
