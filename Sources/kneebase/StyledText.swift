import Foundation
import KneeBase

/// Text made of styled runs, word-wrapped to the terminal width. Styles are ANSI SGR
/// codes applied through `Terminal.paint`, so they appear only on a colour terminal.
struct StyledText {
    struct Run {
        var text: String
        var style: String?
    }

    var runs: [Run] = []

    init(_ text: String = "", _ style: String? = nil) {
        if !text.isEmpty { runs.append(Run(text: text, style: style)) }
    }

    mutating func append(_ text: String, _ style: String? = nil) {
        if !text.isEmpty { runs.append(Run(text: text, style: style)) }
    }

    static func + (a: StyledText, b: StyledText) -> StyledText {
        var out = a
        out.runs += b.runs
        return out
    }

    /// A snippet with its highlights in bold (bold yellow on a colour terminal).
    init(_ snippet: Snippet, base: String? = nil) {
        for part in snippet.parts { append(part.text, part.highlighted ? "1;33" : base) }
    }

    /// The lines of this text, the first indented by `first` and the rest by `rest`
    /// spaces, wrapped to `width` columns (no wrapping when `width` is nil).
    func wrapped(width: Int?, first: Int = 0, rest: Int = 0) -> String {
        // Words keep their style and the spaces before them; a word split across runs
        // ("knee" + "'s") stays whole.
        struct Word { var parts: [Run] = []; var spaces = 0 }
        var words: [Word] = [Word()]
        var pendingSpaces = 0
        for run in runs {
            var current = ""
            func flush() {
                guard !current.isEmpty else { return }
                if pendingSpaces > 0 && !words[words.count - 1].parts.isEmpty { words.append(Word()) }
                if words[words.count - 1].parts.isEmpty { words[words.count - 1].spaces = pendingSpaces }
                words[words.count - 1].parts.append(Run(text: current, style: run.style))
                pendingSpaces = 0
                current = ""
            }
            for ch in run.text {
                if ch == " " || ch == "\n" { flush(); pendingSpaces += 1 } else { current.append(ch) }
            }
            flush()
        }
        words = words.filter { !$0.parts.isEmpty }
        var lines: [String] = []
        var line: [Run] = [Run(text: String(repeating: " ", count: first), style: nil)]
        var visible = first
        var lineHasWord = false
        for word in words {
            let length = word.parts.reduce(0) { $0 + $1.text.count }
            let gap = lineHasWord ? max(word.spaces, 1) : 0
            if let width, lineHasWord, visible + gap + length > width {
                lines.append(Self.paint(line))
                line = [Run(text: String(repeating: " ", count: rest), style: nil)]
                visible = rest
                lineHasWord = false
            }
            if lineHasWord {
                // The gap takes the style of the words around it when they share one.
                let style = line.last?.style == word.parts.first?.style ? line.last?.style : nil
                line.append(Run(text: String(repeating: " ", count: gap), style: style))
                visible += gap
            }
            line += word.parts
            visible += length
            lineHasWord = true
        }
        lines.append(Self.paint(line))
        return lines.joined(separator: "\n")
    }

    /// Runs painted, neighbours of the same style as one.
    private static func paint(_ runs: [Run]) -> String {
        var merged: [Run] = []
        for run in runs {
            if let last = merged.last, last.style == run.style { merged[merged.count - 1].text += run.text } else { merged.append(run) }
        }
        return merged.map { run in run.style.map { Terminal.paint(run.text, $0) } ?? run.text }.joined()
    }
}

extension Terminal {
    /// The width to wrap standard output to: the terminal's, or nil when not a terminal.
    static var outputWidth: Int? {
        guard stdoutIsTTY else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        return 80
    }
}
