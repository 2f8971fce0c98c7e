/// Word lists (as Snowball stems) that signal relations, negation, hedging and
/// attribution. General English cues only: nothing here names a particular article.
enum Cues {
    /// Heading words that give a section its relation, checked in this order.
    static let sectionRelations: [(stems: Set<String>, relation: Relation)] = [
        (["risk"], .riskFactor),
        (["symptom", "sign", "feel", "present", "recogn", "diagnos", "identifi", "notic"], .symptom),
        (["caus", "whi" /* why */, "reason", "trigger", "factor", "culprit", "origin", "contributor"], .cause),
        (["treat", "treatment", "fix", "repair", "cure", "exercis", "workout", "stretch", "therapi", "therapeut",
          "prevent", "prevent", "rehab", "rehabilit", "relief", "reliev", "manag", "remedi", "tip", "train",
          "strengthen", "strength", "help", "solut", "resolv", "recov", "heal", "deal", "address", "work",
          "answer", "option", "drill", "move", "program", "plan", "shoe", "trainer", "insol", "approach",
          "tri" /* "What I'd try", "Things to try" */], .treatment),
    ]

    static let cause: Set<String> = [
        "caus", "lead", "led", "result", "due", "becaus", "risk", "factor", "contribut", "trigger", "respons",
        "culprit", "driver", "reason", "blame", "link", "associ", "relat", "develop", "predictor", "predict", "origin", "stem", "attribut",
        "produc", "creat", "induc", "increas", "translat", "wrongdoer", "behind", "brought", "role", "if", "thus", "therefor", "hence",
        "root",
    ]
    /// Whether token `k` is a load that something puts on a structure ("pile extra load onto
    /// the kneecap", "put more strain on the tendon"): a cause cue, where "load" alone is not
    /// ("activities that load the joint", "reduces the load on the knee"). "Adds to the load"
    /// is `ClaimExtractor.burdenIndex`'s.
    static func addsLoad(_ tokens: [Token], at k: Int) -> Bool {
        switch tokens[k].stem {
        case "load", "strain", "stress", "pressur": break
        default: return false
        }
        var adds = false
        for j in tokens[max(0, k - 3)..<k].indices {
            switch tokens[j].stem {
            case "put", "pile", "place", "extra", "more": adds = true
            case "reduc", "eas", "less", "lower", "take", "off", "spread", "share", "distribut", "manag", "control": return false
            default: break
            }
        }
        return adds
    }

    /// Cause cues after which comes the cause, not the effect: "A is due to B", "the reason is B"
    /// (but "the reason for A" names the effect after it).
    static let effectFirst: Set<String> = ["due", "becaus", "reason", "stem", "attribut"]
    static let symptom: Set<String> = [
        "symptom", "sign", "feel", "felt", "experi", "notic", "suffer", "complain", "hurt", "manifest", "present", "report", "describ",
        "typic", "sensat", "tender", "swell", "swollen", "becom",
    ]
    static let treatment: Set<String> = [
        "treat", "help", "fix", "repair", "relief", "reliev", "recommend", "advis", "suggest", "tri", "strengthen",
        "stretch", "exercis", "train", "work", "do", "use", "wear", "improv", "resolv", "prevent", "reduc", "heal",
        "cure", "rehab", "therapi", "manag", "start", "focus", "add", "includ", "should", "need", "must", "key",
        "essenti", "benefit", "allevi", "eas", "achiev", "activ", "perform", "prescrib", "corrector", "correct",
        "stabil", "support", "realign", "adjust", "relax", "releas", "rotat", "switch", "consid", "apply",
        "tackl", "solv", "assist", "util", "implement", "incorpor",
    ]
    /// Verbs whose object is a cause being remedied ("fix weak hips", "correct the misalignment").
    static let remedy: Set<String> = ["fix", "repair", "correct", "address", "resolv", "improv", "avoid", "prevent", "reduc", "tackl"]
    /// Outcome words that, negated, say a remedy failed ("no better", "didn't help").
    static let outcome: Set<String> = ["better", "improv", "help", "relief", "work", "chang", "differ"]
    /// Words that introduce the activity that brings on a symptom ("pain when squatting").
    static let activityLead: Set<String> = ["when", "while", "dure", "with", "after", "on", "wors" /* "worse running downhill" */]
    /// Verbs by which an agent produces what follows ("can cause", "leads to", "wear down
    /// cartilage"); unlike "linked to" or "associated with", they have a direction.
    static let produces: Set<String> = ["caus", "lead", "led", "result", "produc", "creat", "induc", "trigger", "increas",
                                        "wear", "damag", "destroy", "erod", "degrad"]
    /// Verbs after which a symptom is an effect: `produces` and "contributes to".
    static let producesSymptom: Set<String> = produces.union(["contribut"])
    /// Words that, with a practitioner, make the sentence advice: "my physio recommended …", "see a physio".
    static let consult: Set<String> = ["recommend", "prescrib", "advis", "suggest", "see", "visit", "refer", "consult", "book",
                                       "treat", "help", "gave", "give", "show", "taught", "teach", "use", "go", "start"]
    /// Words that make a sentence advice even among symptoms: "ice helps", "physios recommend rest".
    static let advice: Set<String> = ["recommend", "prescrib", "advis", "suggest", "treat", "help", "tri", "should", "relief", "reliev"]
    /// Words for pain that an activity after an `activityLead` can qualify ("pain that gets worse when running downhill").
    static let pain: Set<String> = ["pain", "ach", "hurt", "sore", "discomfort", "wors", "painful", "flare"]
    /// Words after a therapy's name that make it a field, not a treatment ("physical therapy research").
    static let notTreatmentHeads: Set<String> = ["research", "journal", "studi", "trial", "clinic", "practic", "practition", "associ", "school", "degre", "program", "servic", "center", "centr", "colleg", "journey", "stori", "break",
                                                        "test" /* "the single-leg squat test" examines, it treats nothing */,
                                                        "ltd", "llc", "inc", "plc" /* "Northgate Physiotherapy Ltd": a company's name */]
    /// Stems of words for the people who give a therapy ("my physio", "a chiropractor"). A
    /// person mentioned is a treatment only when the sentence also recommends something.
    static let practitioners: Set<String> = ["therapist", "physiotherapist", "physio", "chiropractor", "chiro", "acupuncturist",
                                             "podiatrist", "pt", "pts", "osteopath", "masseus", "masseur"]
    /// Nouns after a therapy's name that make it a person: "the acupuncture man".
    static let practitionerHeads: Set<String> = ["man", "woman", "guy", "ladi", "person", "peopl"]
    /// Nouns that make the next word a period or phase, not an activity: "training cycles",
    /// "gait cycle", "menstrual cycle", "training block".
    static let phaseModifiers: Set<String> = ["train", "gait", "menstrual", "sleep", "life", "stride", "season", "build", "taper"]
    /// Words that open the name of an institution or publication ("Journal of Sports Physical Therapy").
    static let institutions: Set<String> = ["journal", "societi", "associ", "colleg", "institut", "academi", "univers", "depart", "school"]
    /// Nouns after which a cause word only classifies the condition: "an overuse condition".
    static let classifiedHeads: Set<String> = ["condit", "injuri", "problem", "disord", "syndrom", "type"]
    /// Forms of "be" and "get" before a participle: "the muscles are stretched" is no treatment.
    static let passive: Set<String> = ["be", "been", "being", "is", "are", "was", "were", "get", "gets", "got", "gotten"]
    /// Labels of "Label: text" lines that name no entity.
    static let genericLabels: Set<String> = ["why", "how", "what", "when", "note", "tip", "tips", "example", "bonus", "update", "warning", "important", "step", "q", "a", "answer", "question", "summary", "conclusion", "source", "result", "results",
                                                    "related", "more", "share", "tags", "categories", "category", "next", "previous",
                                                    // A structured abstract's parts and a database record's fields.
                                                    "background", "introduction", "objective", "objectives", "aim", "aims", "purpose", "context",
                                                    "methods", "method", "design", "setting", "findings", "conclusions", "interpretation",
                                                    "keywords", "pmid", "doi",
                                                    // What a myth-busting box sets against the myth.
                                                    "reality", "fact", "facts", "truth"]
    /// Words that make a recommended thing an advised-against one when they govern it.
    static let negation: Set<String> = [
        "not", "no", "never", "dont", "doesnt", "isnt", "arent", "wont", "cant", "shouldnt", "avoid", "stop",
        "nor", "neither", "didnt", "wasnt", "werent", "aint", "instead", "unlik", "wouldnt",
    ]
    /// Heading words for a section of things advised against: "What to avoid", "Common mistakes".
    static let avoidHeadings: Set<String> = ["avoid", "mistak", "dont", "donts"]
    /// Negative adjectives that a negation before them affirms: "not uncommon", "isn't unusual".
    static let litotes: Set<String> = ["unusual", "uncommon", "rare", "impossible", "unlikely", "unheard"]
    /// Negating verbs that govern only what follows them: in "pain at rest may stop you", rest is not stopped.
    static let governsNext: Set<String> = ["stop", "avoid", "skip", "instead", "quit"]
    /// Words that, after a structure's name, make the phrase a disorder of it: "IT band syndrome".
    static let disorderHeads: [String] = ["syndrome", "pain", "ache", "tendinopathy", "tendinitis", "tendonitis", "tendon", "bursitis",
                                          "sprain", "tear", "injury", "rupture", "dysfunction", "instability", "entrapment", "irritation",
                                          "fracture", "problems", "issues", "friction", "points", "apophysitis", "impingement"]
    /// Words that negate only in one form or after an advice verb (see `ClaimExtractor.extraNegations`).
    static let negationWords: Set<String> = ["skip", "against", "clear", "away"]
    /// Verbs that "against" after them turns into advice not to: "advise against", "warn against".
    static let againstVerbs: Set<String> = ["advis", "recommend", "warn", "caution", "argu", "counsel"]
    /// Words that open a condition or time clause: a negation inside one ("if rest doesn't
    /// help", "when loading alone has not worked") states no verdict.
    static let conditionLeads: Set<String> = ["if", "unless", "whether", "when", "until", "once"]
    /// Participles that, before "by", name what brings a symptom on: "provoked by", "aggravated by", "made worse by".
    static let provoking: Set<String> = ["provok", "aggrav", "exacerb", "wors", "trigger"]
    /// Words that, shortly before a worsening word, say there is less of it: "less time in that irritable range".
    static let diminishers: Set<String> = ["less", "fewer", "lower", "reduc", "decreas", "minimis", "minim"]
    /// Words that say something makes the condition worse.
    static let worsening: Set<String> = ["wors", "exacerb", "aggrav", "irrit", "overtax", "worsen", "harm", "damag", "conceal", "hide", "mask"]
    /// Hedges: the claim is possible, theoretical or contested.
    static let hedges: Set<String> = [
        "may", "might", "could", "possibl", "potenti", "perhap", "probabl", "likely", "theori", "suggest",
        "believ", "thought", "seem", "appear", "anecdot", "argu", "specul", "unclear", "limit",
    ]
    /// Words that, after a negation and a pronoun for a remedy, deny that it works: "but it won't fix the cause".
    static let verdicts: Set<String> = ["fix", "help", "work", "cure", "correct", "chang", "solv", "address", "resolv", "repair", "improv"]
    /// Auxiliaries that a negation of a predicate follows: "has not been shown", "are not offered".
    static let auxiliaries: Set<String> = ["is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will", "can", "could",
                                           "should", "would", "may", "might", "must", "be", "been"]
    /// Auxiliaries that open a yes/no question: a heading such as "Is surgery ever needed?" asks, it claims nothing.
    static let questionOpeners: Set<String> = ["do", "does", "did", "is", "are", "was", "should", "can", "could", "will", "would",
                                               "need", "must", "shall", "may", "might", "has", "have"]
    /// Words after which a list item's phrase ends when it names a discovered entity:
    /// "reduced ankle movement, which makes …", "a narrow running style where the feet …".
    static let phraseEnders: Set<String> = ["which", "where", "that", "who", "because", "so", "for", "such", "including", "especially", "e.g"]
    /// Verbs of comparison: in "not shown to beat exercise therapy" what follows is the standard, not the denied.
    static let comparisons: Set<String> = ["beat", "outperform", "substitut", "replac", "better", "superior"]
    /// Words that say a group is where the condition is often found: "common in women", "more prevalent among …".
    static let prevalence: Set<String> = ["common", "preval", "frequent"]
    /// Words that, after a symptom, say it is rare: "Swelling is uncommon".
    static let rarity: Set<String> = ["uncommon", "rare", "unusual", "unlikely"]
    /// Verbs opening advice to seek help: "Contact the department if …", "See a doctor if …".
    static let seekHelp: Set<String> = ["contact", "call", "see", "seek", "consult", "phone", "ring"]
    /// First- and second-person words: a list item holding one speaks of the writer or reader, it names no entity.
    static let personal: Set<String> = ["i", "my", "me", "we", "our", "us", "you", "youll", "youre"]
    /// Words that cannot open an entity's name.
    static let conjunctions: Set<String> = ["but", "and", "or", "so", "if", "this", "that", "it", "there", "here", "then", "also", "yet"]
    /// Clause words that end a negation's scope.
    static let scopeEnders: Set<String> = ["but", "howev", "although", "though", "wherea", "yet", "which", "while"]
    /// Professions whose saying so counts as attribution.
    static let professions: [String] = [
        "physical therapist", "physiotherapist", "sports therapist", "athletic therapist", "chiropractor", "orthopedist",
        "orthopaedic surgeon", "podiatrist", "sports doctor", "doctor", "coach", "trainer", "researchers", "studies", "study",
    ]
}
