import Foundation
import Logging
import ParityLogging
import ParityService
import Synchronization
import Testing

@Suite("Service logs")
struct JSONLogHandlerTests {
    @Test("one JSON object per line, typed metadata keys at the top level, passwords removed")
    func jsonLineWithoutPasswords() throws {
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "parity") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        logger.error("cannot connect to host=db password=hunter2 dbname=legacy",
                     metadata: .parity([.source: "legacy", .lsn: "0/16B3748", .error: "postgres://parity:hunter2@db/legacy refused"]))
        let written = lines.withLock { $0 }
        #expect(written.count == 1 && written[0].hasSuffix("}\n") && written[0].filter { $0 == "\n" }.count == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["parity.source"] as? String == "legacy")
        #expect(object["parity.lsn"] as? String == "0/16B3748")
        #expect(object["level"] as? String == "error")
        #expect(!written[0].contains("hunter2"))
        #expect(object["parity.error"] as? String == "postgres://parity:***@db/legacy refused")
    }

    @Test("redaction covers key=value passwords, quoted ones and URI credentials")
    func redaction() {
        #expect(Redaction.redact("host=a password='x y' user=b") == "host=a password=*** user=b")
        #expect(Redaction.redact("PASSWORD = abc") == "PASSWORD = ***")
        #expect(Redaction.redact("postgresql://u:p@h:5432/d") == "postgresql://u:***@h:5432/d")
        #expect(Redaction.redact("nothing secret") == "nothing secret")
        #expect(Redaction.redact("curl -u admin:s3cret https://x") == "curl -u admin:*** https://x")
    }
}
