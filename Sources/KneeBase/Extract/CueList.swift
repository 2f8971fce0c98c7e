/// The `Cues` word lists that claim rules test on every sentence, each a bit of a
/// per-token mask (`WordMarks`): a sentence looks each token up once instead of
/// hashing every token's stem again for every list.
enum CueList: Int, CaseIterable, Sendable {
    case cause, symptom, treatment, worsening, hedges, negation, produces, producesSymptom, pain, advice, consult, negationWords

    /// The stems (or normalized words) of the list.
    var words: Set<String> {
        switch self {
        case .cause: Cues.cause
        case .symptom: Cues.symptom
        case .treatment: Cues.treatment
        case .worsening: Cues.worsening
        case .hedges: Cues.hedges
        case .negation: Cues.negation
        case .produces: Cues.produces
        case .producesSymptom: Cues.producesSymptom
        case .pain: Cues.pain
        case .advice: Cues.advice
        case .consult: Cues.consult
        case .negationWords: Cues.negationWords
        }
    }

    var bit: UInt32 { 1 << UInt32(rawValue) }
}
