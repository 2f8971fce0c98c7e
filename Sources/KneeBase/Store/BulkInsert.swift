import GRDB
import GRDBSQLite

/// A prepared INSERT that binds values and steps through SQLite's C API. The writer runs
/// its statements hundreds of thousands of times, where building GRDB's argument arrays
/// of existentials costs more than SQLite's own work. Binds what GRDB would bind for the
/// same Swift values (text up to its first NUL, `Bool` as 0 or 1, nil as NULL).
///
/// ```swift
/// let row = try BulkInsert(db, "INSERT INTO t(a, b) VALUES (?, ?)")
/// row.bind(Int64(1)); row.bind("text"); try row.run()
/// ```
final class BulkInsert {
    private let statement: GRDB.Statement
    private let handle: OpaquePointer
    private let parameters: CInt
    private var next: CInt = 1
    private var failure: CInt = SQLITE_OK

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        parameters = sqlite3_bind_parameter_count(handle)
    }

    func bind(_ value: Int64) { record(sqlite3_bind_int64(handle, next, value)) }
    func bind(_ value: Int) { bind(Int64(value)) }
    func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }
    func bind(_ value: Double) { record(sqlite3_bind_double(handle, next, value)) }

    func bind(_ value: String) {
        let code = value.withCString { sqlite3_bind_text(handle, next, $0, -1, Self.transient) }
        record(code)
    }

    func bind(_ value: String?) {
        if let value { bind(value) } else { record(sqlite3_bind_null(handle, next)) }
    }

    func bind(_ value: Int?) {
        if let value { bind(Int64(value)) } else { record(sqlite3_bind_null(handle, next)) }
    }

    func bind(_ value: Int64?) {
        if let value { bind(value) } else { record(sqlite3_bind_null(handle, next)) }
    }

    /// Inserts the row bound since the last run; every parameter must have been bound.
    func run() throws {
        defer { next = 1 }
        guard failure == SQLITE_OK else { throw error(failure) }
        guard next == parameters + 1 else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "bound \(next - 1) of \(parameters) values", sql: statement.sql)
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    private func record(_ code: CInt) {
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        next += 1
    }

    /// SQLite copies the bound text before the call returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }

    private func error(_ code: CInt) -> DatabaseError {
        failure = SQLITE_OK
        var message: String?
        if let db = sqlite3_db_handle(handle), let text = sqlite3_errmsg(db) { message = String(cString: text) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
