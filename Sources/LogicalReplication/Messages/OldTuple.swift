/// The old row image sent with an UPDATE or DELETE.
public enum OldTuple: Hashable, Sendable {
    /// `K`: only the replica identity key columns (other columns are `n`).
    case key(TupleData)
    /// `O`: the entire old row (REPLICA IDENTITY FULL).
    case full(TupleData)

    /// The marker byte of each image kind.
    public enum Marker: UInt8, Sendable {
        case key = 0x4B  // ascii: K
        case full = 0x4F  // ascii: O
    }

    /// The tuple, whichever image it is.
    public var tuple: TupleData {
        switch self {
        case .key(let tuple), .full(let tuple): tuple
        }
    }

    /// Decodes the TupleData that follows an already-read marker.
    static func decode(marker: Marker, from reader: inout ByteReader) throws(PgOutputDecodingError) -> OldTuple {
        switch marker {
        case .key: .key(try TupleData.decode(from: &reader))
        case .full: .full(try TupleData.decode(from: &reader))
        }
    }
}
