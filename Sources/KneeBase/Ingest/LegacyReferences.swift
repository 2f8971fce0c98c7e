/// HTML's legacy named character references: the ones a browser decodes in text even
/// without their closing semicolon ("&nbsp ", "&copy 2020"), which libxml2 leaves as
/// written. They are `&amp`, `&lt`, `&gt`, `&quot` (in both cases for the first three
/// and `&QUOT`) and the Latin-1 characters U+00A0 to U+00FF.
enum LegacyReferences {
    /// The Latin-1 names in code point order from U+00A0.
    private static let latin1 = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
        deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
        Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
        agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
        eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
        """

    /// Each legacy name (as UTF-8 bytes) and the UTF-8 bytes of the character it stands for.
    static let table: [[UInt8]: [UInt8]] = {
        var table: [[UInt8]: [UInt8]] = [:]
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            table[Array(name.utf8)] = Array(String(Character(Unicode.Scalar(0xA0 + offset)!)).utf8)
        }
        for (name, value) in [("amp", "&"), ("AMP", "&"), ("lt", "<"), ("LT", "<"), ("gt", ">"), ("GT", ">"),
                              ("quot", "\""), ("QUOT", "\""), ("COPY", "©"), ("REG", "®")] {
            table[Array(name.utf8)] = Array(value.utf8)
        }
        return table
    }()

    /// Longest name in the table, in bytes.
    static let longestName = 6

    /// The reference without a semicolon that starts at `bytes[at]` (an `&`): its length and
    /// the character's bytes. Only a whole word counts: the name must be followed by
    /// neither a letter, a digit nor `;` ("&notes" and "&nbsp;" are not one).
    static func reference(in bytes: [UInt8], at: Int) -> (length: Int, value: [UInt8])? {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "&") else { return nil }
        var end = at + 1
        while end < bytes.count, end - at - 1 < longestName + 1, isAlphanumeric(bytes[end]) { end += 1 }
        guard end > at + 1, end == bytes.count || (bytes[end] != UInt8(ascii: ";") && !isAlphanumeric(bytes[end])),
              let value = table[Array(bytes[(at + 1)..<end])] else { return nil }
        return (end - at, value)
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122)
    }
}
