import Foundation

/// A compact positional binary format for `Codable` values, used by the build cache:
/// fields are written in the order a type encodes them, without keys, so decoding is a
/// straight read. Integers (`Int`, `UInt64`) are little-endian varints, strings are length-prefixed UTF-8,
/// optionals carry a presence byte and `[String: String]` is written as sorted pairs.
/// Only the shapes the model uses are supported; anything else throws.
enum BinaryCoder {
    /// The bytes of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = BinaryEncoder()
        try encoder.encodeValue(value)
        return encoder.out.bytes
    }

    /// Decodes a `T` from `bytes`; throws on truncated or malformed input, never traps.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let decoder = BinaryDecoder(buffer)
            let value = try decoder.decodeValue(T.self)
            guard decoder.offset == buffer.count else { throw BinaryCoderError.malformed("trailing bytes") }
            return value
        }
    }
}

/// Why binary decoding failed.
enum BinaryCoderError: Error, CustomStringConvertible {
    case truncated
    case malformed(String)
    case unsupported(String)

    var description: String {
        switch self {
        case .truncated: "truncated data"
        case .malformed(let why): "malformed data: \(why)"
        case .unsupported(let what): "unsupported shape: \(what)"
        }
    }
}

// MARK: - Encoding

private final class BinaryEncoder: Encoder {
    var out = ByteWriter()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func varint(_ v: UInt64) { out.varint(v) }

    func signed(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    func string(_ s: String) { out.string(s) }

    func encodeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let s as String: string(s)
        case let i as Int: signed(Int64(i))
        case let u as UInt64: varint(u)
        case let b as Bool: out.bytes.append(b ? 1 : 0)
        case let d as Double: varint(d.bitPattern)
        case let f as Float: varint(UInt64(f.bitPattern))
        case let dict as [String: String]:
            varint(UInt64(dict.count))
            for (k, v) in dict.sorted(by: { $0.key < $1.key }) {
                string(k)
                string(v)
            }
        case is any FixedWidthInteger, is any BinaryFloatingPoint:
            // Any other number would encode itself through this encoder again, forever.
            throw BinaryCoderError.unsupported("\(T.self)")
        default: try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedBinaryEncoding<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedBinaryEncoding(encoder: self) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleBinaryEncoding(encoder: self) }
}

private struct KeyedBinaryEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: BinaryEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoder.out.bytes.append(0) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.encodeValue(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return encoder.out.bytes.append(0) }
        encoder.out.bytes.append(1)
        try encoder.encodeValue(value)
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        guard let value else { return encoder.out.bytes.append(0) }
        encoder.out.bytes.append(1)
        encoder.string(value)
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        guard let value else { return encoder.out.bytes.append(0) }
        encoder.out.bytes.append(1)
        encoder.signed(Int64(value))
    }
    mutating func encode(_ value: String, forKey key: Key) throws { encoder.string(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { encoder.signed(Int64(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.out.bytes.append(value ? 1 : 0) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { encoder.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

/// Arrays: a fixed four-byte count written before the elements and updated as each
/// element is added, so elements go straight into the output.
private struct UnkeyedBinaryEncoding: UnkeyedEncodingContainer {
    let encoder: BinaryEncoder
    let position: Int
    var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: BinaryEncoder) {
        self.encoder = encoder
        position = encoder.out.bytes.count
        encoder.out.bytes.append(contentsOf: [0, 0, 0, 0])
    }

    private mutating func added() {
        count += 1
        let n = UInt32(truncatingIfNeeded: count)
        for i in 0..<4 { encoder.out.bytes[position + i] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(i))) }
    }

    mutating func encodeNil() throws { throw BinaryCoderError.unsupported("optional array elements") }
    mutating func encode<T: Encodable>(_ value: T) throws {
        added()
        try encoder.encodeValue(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        added()
        return encoder.container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        added()
        return encoder.unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { encoder }
}

private struct SingleBinaryEncoding: SingleValueEncodingContainer {
    let encoder: BinaryEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.out.bytes.append(0) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
    mutating func encode(_ value: String) throws { encoder.string(value) }
}

// MARK: - Decoding

private final class BinaryDecoder: Decoder {
    var input: ByteReader
    var buffer: UnsafeBufferPointer<UInt8> { input.buffer }
    var offset: Int { input.offset }
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ buffer: UnsafeBufferPointer<UInt8>) { input = ByteReader(buffer: buffer) }

    func byte() throws -> UInt8 {
        guard let b = input.byte() else { throw BinaryCoderError.truncated }
        return b
    }

    func varint() throws -> UInt64 {
        let start = input.offset
        if let v = input.varint() { return v }
        // Ran out of bytes mid-varint, or more than ten bytes of continuation.
        throw input.atEnd && input.offset - start < 10 ? BinaryCoderError.truncated : BinaryCoderError.malformed("varint too long")
    }

    func signed() throws -> Int64 {
        let u = try varint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    func int() throws -> Int {
        let v = try signed()
        guard let i = Int(exactly: v) else { throw BinaryCoderError.malformed("integer out of range") }
        return i
    }

    func count() throws -> Int {
        let n = try varint()
        guard n <= UInt64(buffer.count - offset) else { throw BinaryCoderError.truncated }  // every element takes a byte at least
        return Int(n)
    }

    func string() throws -> String {
        guard let s = input.string() else { throw BinaryCoderError.truncated }
        return s
    }

    func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw BinaryCoderError.malformed("bad boolean")
        }
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try string() as! T }
        if T.self == Int.self { return try int() as! T }
        if T.self == UInt64.self { return try varint() as! T }
        if T.self == Bool.self { return try bool() as! T }
        if T.self == Double.self { return Double(bitPattern: try varint()) as! T }
        if T.self == Float.self {
            guard let bits = UInt32(exactly: try varint()) else { throw BinaryCoderError.malformed("bad float") }
            return Float(bitPattern: bits) as! T
        }
        if T.self == [String: String].self {
            var dict: [String: String] = [:]
            for _ in 0..<(try count()) { dict[try string()] = try string() }
            return dict as! T
        }
        if T.self is any FixedWidthInteger.Type || T.self is any BinaryFloatingPoint.Type {
            throw BinaryCoderError.unsupported("\(T.self)")  // would decode itself through this decoder again
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedBinaryDecoding<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedBinaryDecoding(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleBinaryDecoding(decoder: self) }
}

private struct KeyedBinaryDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryDecoder
    var codingPath: [any CodingKey] { [] }
    /// Keys are not stored; dictionaries keyed by arbitrary strings are handled before reaching here.
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool {
        // Only reached through `decodeIfPresent`'s default implementation, which we override.
        throw BinaryCoderError.unsupported("decodeNil(forKey:)")
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.decodeValue(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.int() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool() }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decoder.bool() ? try decoder.decodeValue(type) : nil
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try decoder.bool() ? try decoder.string() : nil
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try decoder.bool() ? try decoder.int() : nil
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder.unkeyedContainer() }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}

private struct UnkeyedBinaryDecoding: UnkeyedDecodingContainer {
    let decoder: BinaryDecoder
    let total: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(decoder: BinaryDecoder) throws {
        self.decoder = decoder
        var n = 0
        for i in 0..<4 { n |= Int(try decoder.byte()) << (8 * i) }
        guard n <= decoder.buffer.count - decoder.offset else { throw BinaryCoderError.truncated }  // each element takes a byte at least
        total = n
    }

    mutating func next() throws {
        guard !isAtEnd else { throw BinaryCoderError.malformed("array overrun") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        throw BinaryCoderError.unsupported("optional array elements")
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next()
        return try decoder.decodeValue(type)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try next()
        return try decoder.string()
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        try next()
        return try decoder.int()
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return try decoder.container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try decoder.unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder { decoder }
}

private struct SingleBinaryDecoding: SingleValueDecodingContainer {
    let decoder: BinaryDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
}
