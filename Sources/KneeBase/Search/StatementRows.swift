import GRDB
import GRDBSQLite

/// A value bound to a search statement.
enum SQLArgument {
    case text(String)
    case integer(Int64)
}

/// The current row of a statement `StatementRows.each` steps through, read through
/// SQLite's C API as GRDB reads it for the same Swift types (text up to its first NUL;
/// NULL read as an empty string or 0 where the column is never NULL).
struct StatementRow {
    let handle: OpaquePointer

    func isNull(_ column: CInt) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: CInt) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: bytes)
    }

    func optionalText(_ column: CInt) -> String? { isNull(column) ? nil : text(column) }

    func int64(_ column: CInt) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: CInt) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func bool(_ column: CInt) -> Bool { sqlite3_column_int64(handle, column) != 0 }

    func double(_ column: CInt) -> Double { sqlite3_column_double(handle, column) }

    /// An integer column as its decimal digits, a text column as it is.
    func key(_ column: CInt) -> String {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: String(sqlite3_column_int64(handle, column))
        case SQLITE_TEXT: text(column)
        default: ""
        }
    }
}

/// Runs the search's SELECTs through SQLite's C API on GRDB's cached statements. A
/// search runs a dozen small queries, where building GRDB's argument arrays of
/// existentials and its row objects cost more than SQLite's own work.
enum StatementRows {
    /// Binds `arguments` to the cached statement of `sql`, calls `body` with each row,
    /// and resets the statement. Throws `DatabaseError` as GRDB would.
    static func each(_ db: Database, _ sql: String, _ arguments: [SQLArgument], _ body: (StatementRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        for (i, argument) in arguments.enumerated() {
            let code: CInt = switch argument {
            case .text(let s): s.withCString { sqlite3_bind_text(handle, CInt(i + 1), $0, -1, transient) }
            case .integer(let n): sqlite3_bind_int64(handle, CInt(i + 1), n)
            }
            guard code == SQLITE_OK else { throw error(code, handle, sql) }
        }
        let row = StatementRow(handle: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, handle, sql) }
            try body(row)
        }
    }

    /// `each` with text arguments.
    static func each(_ db: Database, _ sql: String, texts: some Sequence<String>, _ body: (StatementRow) throws -> Void) throws {
        try each(db, sql, texts.map { .text($0) }, body)
    }

    /// SQLite copies the bound text before the call returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }

    private static func error(_ code: CInt, _ handle: OpaquePointer, _ sql: String) -> DatabaseError {
        var message: String?
        if let db = sqlite3_db_handle(handle), let text = sqlite3_errmsg(db) { message = String(cString: text) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}
