import Foundation
import GRDB
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("Stored row images: positional, with their columns in image_layout")
struct ImageLayoutTests {
    let store: ParityStore
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("layouts")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
    }

    @Test("an image is its layout's id and its values in column order; images with the same columns share a layout")
    func storedForm() throws {
        let (first, second, empty) = try store.write { db in
            (try store.layouts.encode(["b": "2", "a": nil], db), try store.layouts.encode(["a": "x", "b": "\"y\""], db),
             try store.layouts.encode([:], db))
        }
        #expect(first == #"[1,null,"2"]"#)
        #expect(second == #"[1,"x","\"y\""]"#)
        #expect(empty == "[2]")
        let columns = try store.read { db in try String.fetchAll(db, sql: "SELECT columns FROM image_layout ORDER BY id") }
        #expect(columns == [#"["a","b"]"#, "[]"])
        #expect(try store.read { db in try store.layouts.decode(second, key: "[\"1\"]", db) } == ["a": "x", "b": "\"y\""])
        #expect(try store.read { db in try store.layouts.decode(empty, key: "[\"1\"]", db) } == [:])
        #expect(try store.write { db in try store.layouts.encode(columns: ["a", "b"], values: #"["1",null]"#, db) } == #"[1,"1",null]"#)
    }

    @Test("10,000 random images decode to what was encoded, in another store object too")
    func roundTrip() throws {
        var generator = SplitMix64(seed: 7)
        var images: [[String: String?]] = []
        for _ in 0..<10_000 {
            var image: [String: String?] = [:]
            for _ in 0..<(generator.next() % 5) { image[RowJSONTests.randomText(&generator) ?? "null"] = RowJSONTests.randomText(&generator) }
            images.append(image)
        }
        let texts = try store.write { db in try images.map { try store.layouts.encode($0, db) } }
        #expect(try store.read { db in try texts.map { try store.layouts.decode($0, key: "[\"1\"]", db) } } == images)
        let reopened = try ParityStore.open(path: store.path)
        #expect(try reopened.read { db in try texts.map { try reopened.layouts.decode($0, key: "[\"1\"]", db) } } == images)
    }

    @Test("a layout registered by a transaction that rolls back is forgotten with it")
    func rollback() throws {
        struct Abort: Error {}
        #expect(throws: StoreError.self) {
            try store.write { db -> Void in
                #expect(try store.layouts.encode(["gone": "1"], db) == #"[1,"1"]"#)
                throw Abort()
            }
        }
        // The id is free again: the next layout takes it, and the forgotten one is registered anew.
        let (kept, again) = try store.write { db in
            (try store.layouts.encode(["kept": "2"], db), try store.layouts.encode(["gone": "3"], db))
        }
        #expect(kept == #"[1,"2"]"#)
        #expect(again == #"[2,"3"]"#)
        #expect(try store.read { db in try store.layouts.decode(kept, key: "[\"1\"]", db) } == ["kept": "2"])
        #expect(try store.read { db in try store.layouts.decode(again, key: "[\"1\"]", db) } == ["gone": "3"])
    }

    @Test("an image naming a layout the store does not hold is an error that says the store is damaged")
    func unknownLayout() throws {
        let error = #expect(throws: StoreError.self) { try store.read { db in try store.layouts.decode(#"[42,"x"]"#, key: "[\"1\"]", db) } }
        #expect(error?.description.contains("layout 42") == true)
    }

    @Test("anything but a layout id followed by strings and nulls is not a stored image", arguments: [
        "", "[", "[]", #"["1"]"#, "[1,2]", #"[1,"a""#, #"[1,"a"] x"#, "[-1]", "[1,]", #"{"a":"1"}"#, "[1 2]",
    ])
    func refused(_ text: String) {
        #expect(RowJSONDecoder.positional(text) == nil)
    }
}
