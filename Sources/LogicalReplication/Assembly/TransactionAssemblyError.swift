/// A pgoutput message that breaks the protocol's order or refers to something unknown.
public struct TransactionAssemblyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of violation; a struct so that kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unknownRelation, columnCountMismatch, nestedBegin, beginInsideStreamBlock, commitWithoutBegin,
                 originOutsideTransaction, changeOutsideTransaction, nestedStreamStart, streamStartInsideTransaction,
                 streamStopWithoutStart, unknownStreamedTransaction, repeatedFirstSegment, misplacedStreamEnd
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A change refers to a relation OID no Relation message announced.
        public static let unknownRelation = Code(.unknownRelation)
        /// A tuple's column count differs from its relation's.
        public static let columnCountMismatch = Code(.columnCountMismatch)
        /// Begin while a transaction is open.
        public static let nestedBegin = Code(.nestedBegin)
        /// Begin between Stream Start and Stream Stop.
        public static let beginInsideStreamBlock = Code(.beginInsideStreamBlock)
        /// Commit with no open transaction.
        public static let commitWithoutBegin = Code(.commitWithoutBegin)
        /// Origin with no open transaction or streamed block.
        public static let originOutsideTransaction = Code(.originOutsideTransaction)
        /// A change or transactional message with no open transaction or streamed block.
        public static let changeOutsideTransaction = Code(.changeOutsideTransaction)
        /// Stream Start inside a streamed block.
        public static let nestedStreamStart = Code(.nestedStreamStart)
        /// Stream Start while a Begin/Commit transaction is open.
        public static let streamStartInsideTransaction = Code(.streamStartInsideTransaction)
        /// Stream Stop outside a streamed block.
        public static let streamStopWithoutStart = Code(.streamStopWithoutStart)
        /// A later segment, Stream Commit or Stream Abort for a transaction never streamed.
        public static let unknownStreamedTransaction = Code(.unknownStreamedTransaction)
        /// A first segment for a transaction that already streamed.
        public static let repeatedFirstSegment = Code(.repeatedFirstSegment)
        /// Stream Commit or Stream Abort inside a streamed block or a Begin/Commit transaction.
        public static let misplacedStreamEnd = Code(.misplacedStreamEnd)

        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// What is wrong.
    public var code: Code
    /// The message that broke the protocol.
    public var messageID: PgOutputMessage.ID
    /// The WAL start given with that message.
    public var walStart: LSN
    /// The transaction concerned, when known.
    public var xid: UInt32?
    /// The relation concerned, when relevant.
    public var relationOID: UInt32?

    /// Creates an error.
    public init(code: Code, messageID: PgOutputMessage.ID, walStart: LSN, xid: UInt32? = nil, relationOID: UInt32? = nil) {
        self.code = code
        self.messageID = messageID
        self.walStart = walStart
        self.xid = xid
        self.relationOID = relationOID
    }

    /// A one-line summary; never carries row data.
    public var description: String {
        var text = "pgoutput protocol violation \(code) at message '\(Character(Unicode.Scalar(messageID.rawValue)))' (WAL \(walStart))"
        if let xid { text += " xid \(xid)" }
        if let relationOID { text += " relation \(relationOID)" }
        return text
    }
}
