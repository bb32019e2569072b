import ParityModel

/// Parses the JSON the store writes for keys and images (`RowJSON.key`, `RowJSON.image`): an array or an
/// object whose values are strings or null, or a stored row image (a layout id, then such values). Reading
/// state is the hot path of a cycle close, so this walks the UTF-8 bytes once (``JSONScanner``) instead of going
/// through Foundation's JSON objects.
///
/// Any JSON escape is accepted; anything outside that shape (numbers, nesting, trailing bytes) yields nil.
package enum RowJSONDecoder {
    /// `{"name":"text","other":null}` → name → value; nil when the text is not such an object.
    static func image(_ text: String) -> [String: String?]? {
        JSONScanner.scan(text) { scanner in
            guard scanner.consume(UInt8(ascii: "{")) else { return nil }
            var image: [String: String?] = [:]
            image.reserveCapacity(8)  // most images have a few columns: no rehash while filling
            if scanner.consume(UInt8(ascii: "}")) { return scanner.atEnd ? image : nil }
            repeat {
                guard let name = scanner.string(), scanner.consume(UInt8(ascii: ":")), let value = scanner.nullableString() else { return nil }
                image[name] = value
            } while scanner.consume(UInt8(ascii: ","))
            return scanner.consume(UInt8(ascii: "}")) && scanner.atEnd ? image : nil
        }
    }

    /// `["1017",null]` → values; nil when the text is not such an array.
    static func array(_ text: String) -> [String?]? {
        JSONScanner.scan(text) { scanner in
            guard scanner.consume(UInt8(ascii: "[")) else { return nil }
            var values: [String?] = []
            if scanner.consume(UInt8(ascii: "]")) { return scanner.atEnd ? values : nil }
            repeat {
                guard let value = scanner.nullableString() else { return nil }
                values.append(value)
            } while scanner.consume(UInt8(ascii: ","))
            return scanner.consume(UInt8(ascii: "]")) && scanner.atEnd ? values : nil
        }
    }

    /// `[3,"12.50",null]` → layout 3 and its values; nil when the text is not a stored image.
    package static func positional(_ text: String) -> (layout: Int64, values: [String?])? {
        JSONScanner.scan(text) { scanner in
            guard scanner.consume(UInt8(ascii: "[")), let layout = scanner.integer() else { return nil }
            var values: [String?] = []
            values.reserveCapacity(8)
            while scanner.consume(UInt8(ascii: ",")) {
                guard let value = scanner.nullableString() else { return nil }
                values.append(value)
            }
            return scanner.consume(UInt8(ascii: "]")) && scanner.atEnd ? (layout, values) : nil
        }
    }

    /// `{"value_mismatch":3}` → name → count (`RowJSON.counts`); nil when the text is not such an object.
    static func counts(_ text: String) -> [String: Int]? {
        JSONScanner.scan(text) { scanner in
            guard scanner.consume(UInt8(ascii: "{")) else { return nil }
            var counts: [String: Int] = [:]
            if scanner.consume(UInt8(ascii: "}")) { return scanner.atEnd ? counts : nil }
            repeat {
                guard let name = scanner.string(), scanner.consume(UInt8(ascii: ":")), let count = scanner.integer() else { return nil }
                counts[name] = Int(count)
            } while scanner.consume(UInt8(ascii: ","))
            return scanner.consume(UInt8(ascii: "}")) && scanner.atEnd ? counts : nil
        }
    }

    /// The layout id of a stored image (`positional`) without decoding its values; nil when it has none.
    package static func layout(_ text: String) -> Int64? {
        JSONScanner.scan(text) { scanner in scanner.consume(UInt8(ascii: "[")) ? scanner.integer() : nil }
    }
}
