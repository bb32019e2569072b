/// The body of one user function as the catalog holds it (`pg_proc`).
public struct FunctionSource: Sendable, Hashable {
    /// Its schema.
    public var schema: String
    /// Its name; overloads share it and are analyzed together.
    public var name: String
    /// `plpgsql`, `sql`, `c`, …
    public var language: String
    /// `prosrc` (or the whole definition for a `BEGIN ATOMIC` SQL body).
    public var body: String

    /// Creates a function source.
    public init(schema: String, name: String, language: String, body: String) {
        self.schema = schema
        self.name = name
        self.language = language
        self.body = body
    }

    /// `schema.name`.
    public var qualifiedName: String { "\(schema).\(name)" }

    /// Whether Parity can read its body (PL/pgSQL and SQL).
    public var isAnalyzable: Bool { language == "plpgsql" || language == "sql" }
}

/// The user functions of one database and what calls what, for following a trigger's function
/// through every function it calls. Calls resolve against these functions only (built-ins drop out):
/// a qualified call exactly, an unqualified one in the caller's schema, then the default schema,
/// then anywhere when only one schema has a function of that name.
public struct FunctionGraph: Sendable {
    private let functions: [String: [FunctionSource]]
    private let analyses: [String: PlpgsqlBodyAnalysis]
    private let defaultSchema: String

    /// Builds the graph; overloads of one name are merged.
    public init(functions: [FunctionSource], defaultSchema: String = "public") {
        self.functions = Dictionary(grouping: functions, by: \.qualifiedName)
        self.defaultSchema = defaultSchema
        analyses = self.functions.mapValues { overloads in
            overloads.filter(\.isAnalyzable).map { PlpgsqlBodyAnalyzer.analyze($0.body, defaultSchema: defaultSchema) }
                .reduce(into: PlpgsqlBodyAnalysis()) { $0.merge($1) }
        }
    }

    /// Whether the graph has a user function `schema.name` (with a body Parity may read, or a language it names).
    public func contains(_ function: String) -> Bool {
        functions[function] != nil
    }

    /// What the function `root` (`schema.name`) reaches: itself and everything it calls, transitively.
    public func reach(from root: String) -> FunctionReach {
        var reach = FunctionReach()
        var paths: [String: [String]] = [root: [root]]
        var queue = [root]
        var bodies: [String] = []
        while !queue.isEmpty {
            let current = queue.removeFirst()
            reach.chain.append(current)
            let overloads = functions[current] ?? []
            bodies += overloads.map { SQLTokenizer.normalized($0.body) }
            reach.unanalyzedFunctions += overloads.filter { !$0.isAnalyzable }.map { "\(current) (\($0.language))" }
            guard let analysis = analyses[current] else { continue }
            for table in analysis.writtenTables.map({ "\($0.schema).\($0.name)" })
            where !reach.writes.contains(where: { $0.table == table }) {
                reach.writes.append(ReachedWrite(table: table, path: paths[current]!))
            }
            reach.dynamicStatements += analysis.dynamicStatements
            let schema = overloads.first?.schema ?? defaultSchema
            for callee in analysis.calledFunctions.compactMap({ resolve($0, from: schema) }) where paths[callee] == nil {
                paths[callee] = paths[current]! + [callee]
                queue.append(callee)
            }
        }
        let rootAnalysis = analyses[root] ?? PlpgsqlBodyAnalysis()
        reach.assignedNewColumns = rootAnalysis.assignedNewColumns
        reach.replacesNew = rootAnalysis.replacesNew
        reach.returnsNull = rootAnalysis.returnsNull
        reach.bodyHash = StableHash.fnv1a64(bodies.joined(separator: "\n"))
        return reach
    }

    private func resolve(_ reference: FunctionReference, from callerSchema: String) -> String? {
        if let schema = reference.schema {
            let name = "\(schema).\(reference.name)"
            return functions[name] == nil ? nil : name
        }
        for schema in [callerSchema, defaultSchema] where functions["\(schema).\(reference.name)"] != nil {
            return "\(schema).\(reference.name)"
        }
        let anywhere = functions.values.compactMap(\.first).filter { $0.name == reference.name }
        return anywhere.count == 1 ? anywhere[0].qualifiedName : nil
    }
}

/// Everything a function reaches through its calls.
public struct FunctionReach: Sendable, Hashable {
    /// The function and every function it calls transitively, `schema.name`, nearest first.
    public var chain: [String] = []
    /// Tables written anywhere in the chain, each with the call path to its first writer.
    public var writes: [ReachedWrite] = []
    /// Dynamic SQL anywhere in the chain: its targets are unknown.
    public var dynamicStatements: [String] = []
    /// Functions in the chain whose language Parity cannot read (`schema.name (language)`).
    public var unanalyzedFunctions: [String] = []
    /// Columns the root function assigns in `NEW`.
    public var assignedNewColumns: [String] = []
    /// Whether the root function replaces `NEW` as a whole.
    public var replacesNew = false
    /// Whether the root function can `RETURN NULL`.
    public var returnsNull = false
    /// A stable hash of the normalized bodies of the whole chain, so a change anywhere in it shows.
    public var bodyHash = ""

    /// Creates an empty reach.
    public init() {}
}

/// A table reached through calls, with the path of functions from the root to the one that writes it.
public struct ReachedWrite: Sendable, Hashable {
    /// The table written, `schema.table`.
    public var table: String
    /// Root function first, writer last, each `schema.name`.
    public var path: [String]

    /// Creates a reached write.
    public init(table: String, path: [String]) {
        self.table = table
        self.path = path
    }
}

extension PlpgsqlBodyAnalysis {
    /// Adds another body's findings (for overloads sharing a name).
    mutating func merge(_ other: PlpgsqlBodyAnalysis) {
        writes += other.writes.filter { !writes.contains($0) }
        calledFunctions += other.calledFunctions.filter { !calledFunctions.contains($0) }
        dynamicStatements += other.dynamicStatements
        assignedNewColumns += other.assignedNewColumns.filter { !assignedNewColumns.contains($0) }
        replacesNew = replacesNew || other.replacesNew
        returnsNull = returnsNull || other.returnsNull
    }
}
