import ParityModel
import Reconciliation
import Testing

/// The merge join of a close: two sides' rows sorted by canonical key, paired one key at a time, with the carried and
/// open keys merged in.
@Suite struct MergeJoinTests {
    /// A row with its canonical key and a tag telling rows of one key apart.
    struct Row: CanonicallyKeyed, Equatable {
        var canonicalKey: CanonicalKey
        var tag = ""
    }

    /// One pair as text: `key L N c o`, with a side's letter when it read a row (its tag after it) and c/o when carried/open.
    private func join(_ legacy: [Row], _ new: [Row], carried: [String] = [], open: [String] = []) throws -> [String] {
        var join = try MergeJoin(
            legacy: ListedRows(legacy), new: ListedRows(new), carried: carried.map { CanonicalKey($0) }, open: open.map { CanonicalKey($0) })
        var pairs: [String] = []
        while let pair = try join.next() {
            let sides: [String?] = [pair.legacy.map { "L" + $0.tag }, pair.new.map { "N" + $0.tag }]
            let parts: [String?] = [pair.canonical.rawValue] + sides + [pair.carried ? "c" : nil, pair.open ? "o" : nil]
            pairs.append(parts.compactMap { $0 }.joined(separator: " "))
        }
        #expect(try join.next() == nil)  // stays at the end
        return pairs
    }

    private func rows(_ keys: String...) -> [Row] {
        keys.map { Row(canonicalKey: CanonicalKey($0)) }
    }

    @Test func pairsKeysBothSidesRead() throws {
        #expect(try join(rows("1", "2", "3"), rows("2", "3", "4")) == ["1 L", "2 L N", "3 L N", "4 N"])
    }

    @Test func oneSideOnly() throws {
        #expect(try join(rows("a", "b"), []) == ["a L", "b L"])
        #expect(try join([], rows("a", "b")) == ["a N", "b N"])
    }

    @Test func emptyInputsGiveNoPair() throws {
        #expect(try join([], []).isEmpty)
        #expect(try join([], [], carried: [], open: []).isEmpty)
    }

    @Test func carriedAndOpenKeysInterleave() throws {
        let pairs = try join(rows("b", "d"), rows("d", "f"), carried: ["a", "d"], open: ["c", "d", "g"])
        #expect(pairs == ["a c", "b L", "c o", "d L N c o", "f N", "g o"])
    }

    @Test func keysWithoutRowsStillPair() throws {
        #expect(try join([], [], carried: ["1", "3"], open: ["2", "3"]) == ["1 c", "2 o", "3 c o"])
    }

    @Test func aKeyRepeatedInAListIsOneKey() throws {
        #expect(try join(rows("x"), [], carried: ["x", "x"], open: ["w", "w", "x"]) == ["w o", "x L c o"])
    }

    @Test func ofRowsSharingACanonicalKeyTheLastReadPairs() throws {
        // Raw keys " 17" and "17" that normalize alike: one key, the later row.
        let legacy = [Row(canonicalKey: "17", tag: "1"), Row(canonicalKey: "17", tag: "2"), Row(canonicalKey: "18", tag: "3")]
        #expect(try join(legacy, [Row(canonicalKey: "17", tag: "n")]) == ["17 L2 Nn", "18 L3"])
    }

    @Test func keysPairByBytesNotByStringEquality() throws {
        // A decomposed é (65 CC 81) and a precomposed one (C3 A9) are equal Swift strings and different keys.
        let decomposed = #"["e\#u{301}"]"#, composed = #"["\#u{E9}"]"#
        #expect(try join(rows(decomposed), rows(composed)) == ["\(decomposed) L", "\(composed) N"])
    }

    @Test func sortedRowsPutKeysInByteOrder() throws {
        // A key before every key it begins; upper case before lower; every multi-byte character after ASCII.
        let keys = [#"["b"]"#, #"["ab"]"#, #"["a"]"#, #"["Z"]"#, #"["€"]"#, #"["é"]"#, #"["1"]"#, #"["10"]"#, #"["9"]"#]
        var sorted = SortedRows(keys.map { Row(canonicalKey: CanonicalKey($0)) })
        var order: [String] = []
        while let row = sorted.next() { order.append(row.canonicalKey.rawValue) }
        #expect(order == [#"["1"]"#, #"["10"]"#, #"["9"]"#, #"["Z"]"#, #"["a"]"#, #"["ab"]"#, #"["b"]"#, #"["é"]"#, #"["€"]"#])
    }

    @Test func prefixesAndNonASCIIJoinInByteOrder() throws {
        let legacy = rows("a", "ab", "abc", "\u{E9}", "\u{20AC}")
        let new = rows("ab", "abcd", "\u{20AC}", "\u{1F600}")
        #expect(try join(legacy, new, open: ["abc"]) == [
            "a L", "ab L N", "abc L o", "abcd N", "\u{E9} L", "\u{20AC} L N", "\u{1F600} N",
        ])
    }
}
