/// Function words left out of a query when they stand alone ("what could cause pain
/// when I squat" searches cause, pain, squat). Inside quotes and aliases they count.
enum Stopwords {
    static let words: Set<String> = [
        "a", "about", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
        "can", "could", "did", "do", "does", "doing", "each", "else", "every", "for", "from", "get", "gets", "got", "had", "has",
        "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
        "let", "lot", "lots", "me", "might", "mine", "more", "most", "much", "must", "my", "of", "on", "onto", "or", "our",
        "ours", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "too", "us", "very", "was", "we", "were", "what", "whats", "when", "where", "which", "while",
        "who", "whom", "whose", "why", "will", "with", "would", "you", "your", "yours", "im", "ive", "dont", "doesnt",
    ]

    static func contains(_ norm: String) -> Bool { words.contains(norm) }
}
