import Foundation
import ParityTestSupport
import SourceQueries
import Testing
@testable import ParityEngine

/// Verify's file of COPY lines: read back as written, whatever the lines' lengths, and gone from the folder at once.
@Suite struct LineSpillTests {
    @Test func linesComeBackAsWrittenAndTheFileIsNotInTheFolder() throws {
        let scratch = try ScratchDirectory("line-spill")
        let spill = try LineSpill(side: .legacy, directory: scratch.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        let long = String(repeating: "x", count: 3 * LineSpill.chunk)
        let lines = ["1\ta\n", "\n", long + "\n", "2\tb"] + (0..<50_000).map { "\($0)\tvalue \($0)\n" }
        for line in lines {
            Array(line.utf8).withUnsafeBytes { bytes in #expect(throws: Never.self) { try spill.append(bytes) } }
        }
        var read: [String] = []
        while let line = try spill.nextLine() { read.append(String(decoding: line, as: UTF8.self)) }
        #expect(read.count == lines.count)
        #expect(read == lines.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" })
    }

    @Test func anEmptySpillReadsNothing() throws {
        let scratch = try ScratchDirectory("line-spill-empty")
        let spill = try LineSpill(side: .new, directory: scratch.path)
        #expect(try spill.nextLine() == nil)
        #expect(try spill.nextLine() == nil)
    }

    @Test func aFolderThatCannotHoldItIsAnError() {
        let error = #expect(throws: EngineError.self) { try LineSpill(side: .legacy, directory: "/nonexistent/parity") }
        #expect(error?.code == .fileSystem && error?.source == "legacy")
    }
}
