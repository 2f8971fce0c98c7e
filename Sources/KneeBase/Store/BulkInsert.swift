import Foundation
import GRDB
import GRDBSQLite

/// A prepared INSERT that binds values and steps through SQLite's C API. The writer runs
/// its statements hundreds of thousands of times, where building GRDB's argument arrays
/// of existentials costs more than SQLite's own work. Binds what GRDB would bind for the
/// same Swift values (text up to its first NUL, `Bool` as 0 or 1, nil as NULL).
///
/// Text is copied into a buffer of the insert's own and bound without another copy
/// (`SQLITE_STATIC`): bound as a transient value, SQLite allocated, copied and freed
/// every string, which took a tenth of the store's instructions. With `rows` above 1, a
/// statement inserts that many rows at once (`VALUES (…), (…), …`), in the order they
/// were given; `finish()` writes the rows still pending (rows left pending when the
/// writer stops on an error are dropped with the insert, as its transaction is). A row then costs SQLite about
/// 40 % less than one statement per row (the statement's setup and teardown — cursors,
/// record buffers — is paid once per batch), though the B-tree pages fill differently:
/// the file holds the same rows, not the same bytes. (Not for FTS5 tables: a multi-row
/// insert into one took twice as long.)
///
/// ```swift
/// let row = try BulkInsert(db, "INSERT INTO t(a, b) VALUES (?, ?)", rows: BulkInsert.batch)
/// row.bind(Int64(1)); row.bind("text"); try row.run()
/// try row.finish()
/// ```
final class BulkInsert {
    /// Rows per statement for ordinary tables.
    static let batch = 64

    private enum Value {
        case int(Int64)
        case double(Double)
        /// The NUL-terminated bytes of `text` from `start`.
        case text(Int)
        case null
    }

    private let single: GRDB.Statement
    private let batch: GRDB.Statement?
    /// Parameters of one row.
    private let columns: Int
    private let batchRows: Int
    private var values: [Value] = []
    /// The bound text, each value followed by a NUL.
    private var text: [UInt8] = []
    private var pendingRows = 0

    /// `sql` inserts one row, its values given by `?` parameters after `VALUES`; `rows`
    /// rows are inserted by one statement when there are that many.
    init(_ db: Database, _ sql: String, rows: Int = 1) throws {
        single = try db.makeStatement(sql: sql)
        columns = Int(sqlite3_bind_parameter_count(single.sqliteStatement))
        if rows > 1, let values = sql.range(of: "VALUES", options: .backwards) {
            let row = sql[values.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            let many = String(sql[..<values.upperBound]) + " " + Array(repeating: row, count: rows).joined(separator: ",")
            batch = try db.makeStatement(sql: many)
            batchRows = rows
        } else {
            batch = nil
            batchRows = 1
        }
        values.reserveCapacity(columns * batchRows)
    }

    func bind(_ value: Int64) { values.append(.int(value)) }
    func bind(_ value: Int) { bind(Int64(value)) }
    func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }
    func bind(_ value: Double) { values.append(.double(value)) }

    func bind(_ value: String) {
        // NUL-terminated, so that SQLite knows the value is (FTS5 reads its text as a C
        // string: without the flag it copied every value to add the NUL). The length SQLite
        // measures ends at the first NUL, as GRDB's binding does.
        let start = text.count
        text.append(contentsOf: value.utf8)
        text.append(0)
        values.append(.text(start))
    }

    func bind(_ value: String?) {
        if let value { bind(value) } else { values.append(.null) }
    }

    func bind(_ value: Int?) {
        if let value { bind(Int64(value)) } else { values.append(.null) }
    }

    func bind(_ value: Int64?) {
        if let value { bind(value) } else { values.append(.null) }
    }

    /// Ends the row bound since the last run (every parameter must have been bound);
    /// inserts it, or the batch it completes.
    func run() throws {
        let first = pendingRows * columns
        guard values.count == first + columns else {
            let bound = values.count - first
            values.removeSubrange(first...)
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "bound \(bound) of \(columns) values", sql: single.sql)
        }
        pendingRows += 1
        if batch != nil, pendingRows < batchRows { return }
        try write(batch ?? single, rows: 0..<pendingRows)
    }

    /// Inserts the rows still pending, one statement each.
    func finish() throws {
        guard pendingRows > 0 else { return }
        try write(single, rows: 0..<pendingRows)
    }

    /// Binds and steps `statement` for `rows` of the pending values (all of them for a
    /// batch, then one at a time), then forgets the pending values.
    private func write(_ statement: GRDB.Statement, rows: Range<Int>) throws {
        defer {
            values.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            pendingRows = 0
        }
        let handle = statement.sqliteStatement
        let perStatement = statement === single ? 1 : batchRows
        try text.withUnsafeBufferPointer { buffer in
            var row = rows.lowerBound
            while row < rows.upperBound {
                for p in 0..<(perStatement * columns) {
                    let code: CInt
                    switch values[row * columns + p] {
                    case .int(let v): code = sqlite3_bind_int64(handle, CInt(p + 1), v)
                    case .double(let v): code = sqlite3_bind_double(handle, CInt(p + 1), v)
                    case .null: code = sqlite3_bind_null(handle, CInt(p + 1))
                    case .text(let start):
                        // The buffer stays as it is until the statement has run.
                        let bytes = UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                        code = sqlite3_bind_text(handle, CInt(p + 1), bytes, -1, Self.static)
                    }
                    guard code == SQLITE_OK else { throw error(code, handle) }
                }
                let code = sqlite3_step(handle)
                sqlite3_reset(handle)
                guard code == SQLITE_DONE else { throw error(code, handle) }
                row += perStatement
            }
        }
    }

    /// The bound bytes outlive the step: SQLite need not copy them.
    private static var `static`: sqlite3_destructor_type? { nil }

    private func error(_ code: CInt, _ handle: OpaquePointer) -> DatabaseError {
        var message: String?
        if let db = sqlite3_db_handle(handle), let text = sqlite3_errmsg(db) { message = String(cString: text) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sqlite3_sql(handle).map { String(cString: $0) })
    }
}
