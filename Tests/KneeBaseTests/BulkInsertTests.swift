import GRDB
import Testing
@testable import KneeBase

@Suite("BulkInsert: rows bound by hand, several per statement")
struct BulkInsertTests {
    /// The rows of `t` in rowid order, as text (NULL as "nil").
    func rows(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT id, a, b FROM t ORDER BY rowid").map { row in
            let b: String? = row["b"]
            return "\(row["id"] as Int64)|\(row["a"] as String)|\(b ?? "nil")"
        }
    }

    func table(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT)")
    }

    @Test("batched rows arrive in order, the last partial batch by finish(), the same as one row per statement",
          arguments: [1, 4, 64])
    func batches(rows batch: Int) throws {
        let queue = try DatabaseQueue()
        let got = try queue.write { db -> [String] in
            try table(db)
            let insert = try BulkInsert(db, "INSERT INTO t(id, a, b) VALUES (?,?,?)", rows: batch)
            // 10 rows: two full batches of 4 and a partial one; none full with 64.
            for i in 1...10 {
                insert.bind(Int64(i))
                insert.bind(String(repeating: "x", count: i))
                insert.bind(i % 3 == 0 ? nil : "b\(i)" as String?)
                try insert.run()
            }
            try insert.finish()
            return try rows(db)
        }
        let expected = (1...10).map { "\($0)|\(String(repeating: "x", count: $0))|\($0 % 3 == 0 ? "nil" : "b\($0)")" }
        #expect(got == expected)
    }

    @Test("text is bound up to its first NUL, an empty string as '' (not NULL), Bool as 0 or 1")
    func values() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try table(db)
            let insert = try BulkInsert(db, "INSERT INTO t(id, a, b) VALUES (?,?,?)", rows: 2)
            insert.bind(Int64(1)); insert.bind("before\u{0}after"); insert.bind(""); try insert.run()
            insert.bind(Int64(2)); insert.bind("é ✓"); insert.bind(true); try insert.run()
            insert.bind(Int64(3)); insert.bind(""); insert.bind(false); try insert.run()
            try insert.finish()
            #expect(try rows(db) == ["1|before|", "2|é ✓|1", "3||0"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE b IS NULL") == 0)
        }
    }

    @Test("a row with a value missing is refused and left out; a constraint failure is thrown from the batch")
    func errors() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try table(db)
            let insert = try BulkInsert(db, "INSERT INTO t(id, a, b) VALUES (?,?,?)", rows: 2)
            insert.bind(Int64(1)); insert.bind("a")
            #expect(throws: DatabaseError.self) { try insert.run() }
            insert.bind(Int64(1)); insert.bind("a"); insert.bind("b"); try insert.run()
            insert.bind(Int64(1)); insert.bind("again"); insert.bind("b")
            #expect(throws: DatabaseError.self) { try insert.run() }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 0)
        }
    }

    @Test("an insert dropped with rows pending (its writer stopped on an error) goes quietly; the rows are not written")
    func droppedWithRowsPending() throws {
        let queue = try DatabaseQueue()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try queue.write { db in
                try table(db)
                let insert = try BulkInsert(db, "INSERT INTO t(id, a, b) VALUES (?,?,?)", rows: 4)
                insert.bind(Int64(1)); insert.bind("a"); insert.bind("b"); try insert.run()
                insert.bind(Int64(2)); insert.bind("a"); insert.bind("b"); try insert.run()
                throw Stop()
            }
        }
        let tables = try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 't'")
        }
        #expect(tables == 0)
    }
}
