/// Did-you-mean suggestions by edit distance.
enum Suggest {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = Swift.max(2, word.count / 3)
        var best: (name: String, score: Int)?
        for candidate in candidates.sorted() {
            let score = distance(word.lowercased(), candidate.lowercased())
            if score <= limit, score < (best?.score ?? Int.max) { best = (candidate, score) }
        }
        return best?.name
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution: Int = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let deletion: Int = previous[j] + 1
                let insertion: Int = current[j - 1] + 1
                current[j] = Swift.min(substitution, deletion, insertion)
            }
            previous = current
        }
        return previous[b.count]
    }
}
