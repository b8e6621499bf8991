/// The words a writer uses for counts, their hedges, whose travel, and what for.
/// Matching is on lower-cased tokens; a phrase is a list of tokens.
enum Lexicon {
    static let smallNumbers: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "k": 1_000, "m": 1_000_000, "mln": 1_000_000,
    ]

    /// Hedges before a number, longest first.
    static let qualifiers: [([String], Qualifier)] = [
        (["more", "than"], .atLeast), (["at", "least"], .atLeast), (["upwards", "of"], .atLeast), (["in", "excess", "of"], .atLeast),
        (["fewer", "than"], .atMost), (["less", "than"], .atMost), (["at", "most"], .atMost), (["up", "to"], .atMost), (["no", "more", "than"], .atMost),
        (["an", "estimated"], .about), (["some"], .about), (["about"], .about), (["around"], .about), (["roughly"], .about),
        (["approximately"], .about), (["nearly"], .about), (["almost"], .about), (["close", "to"], .about), (["approx"], .about),
        (["over"], .atLeast), (["under"], .atMost), (["only"], .exact), (["just"], .exact), (["a", "mere"], .exact), (["exactly"], .exact),
    ]

    /// Nouns that say a number counts people or trips.
    static let countedNouns: Set<String> = [
        "people", "persons", "person", "individuals", "visitors", "visitor", "visits", "visit", "tourists", "tourist",
        "travellers", "travelers", "trips", "trip", "entries", "entry", "arrivals", "crossings", "citizens", "nationals",
        "koreans", "russians", "students", "workers", "labourers", "laborers", "migrants", "soldiers", "troops",
        "personnel", "staff", "delegates", "journeys", "passengers", "engineers", "chinese", "turks",
    ]

    /// Verbs and nouns that make a sentence about travel.
    static let travelWords: Set<String> = [
        "entered", "enter", "entering", "enters", "entry", "entries", "arrived", "arriving", "arrive", "arrivals",
        "visited", "visiting", "visit", "visits", "visitors", "travelled", "traveled", "travelling", "traveling",
        "travel", "trips", "crossed", "crossing", "crossings", "came", "went", "going", "journeys", "numbered",
        "totaled", "totalled", "tourists", "students", "number", "numbers", "increase", "decrease", "influx", "tourist", "destinations",
    ]

    static let exitWords: Set<String> = ["left", "leaving", "departed", "departures", "exited", "exits", "returned"]

    /// Words that make a number something other than a count.
    static let unitsAfter: Set<String> = [
        "%", "percent", "per", "dollars", "dollar", "usd", "rubles", "roubles", "ruble", "won", "euros", "euro", "yuan",
        "times", "fold", "years", "year-old", "year-olds", "km", "kilometres", "kilometers", "miles", "tonnes", "tons",
        "hours", "days", "weeks", "months", "minutes", "am", "pm", "st", "nd", "rd", "th", "s",
    ]
    static let markersBefore: Set<String> = ["$", "€", "£", "₽", "₩", "¥", "resolution", "no", "number", "aged", "age", "page", "p", "article", "¶", "#"]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let ordinals: [String: Int] = [
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4,
    ]

    /// Category phrases, longest first within each entry.
    static let categories: [([String], Measure, String)] = {
        var list: [([String], Measure, String)] = [
            (["on", "business"], .purpose, "business"), (["for", "business"], .purpose, "business"),
            (["business", "purposes"], .purpose, "business"), (["business", "travellers"], .purpose, "business"),
            (["business", "travelers"], .purpose, "business"), (["business", "trips"], .purpose, "business"),
            (["business", "visits"], .purpose, "business"), (["business", "visitors"], .purpose, "business"),
            (["business", "reasons"], .purpose, "business"), (["business", "travel"], .purpose, "business"),
            (["as", "tourists"], .purpose, "tourism"), (["tourists"], .purpose, "tourism"), (["tourist"], .purpose, "tourism"), (["tourism"], .purpose, "tourism"),
            (["exchange", "students"], .purpose, "study"), (["students"], .purpose, "study"), (["student"], .purpose, "study"),
            (["to", "study"], .purpose, "study"), (["study"], .purpose, "study"), (["studies"], .purpose, "study"),
            (["education"], .purpose, "study"), (["educational"], .purpose, "study"),
            (["for", "work"], .purpose, "work"), (["to", "work"], .purpose, "work"), (["employment"], .purpose, "work"),
            (["in", "transit"], .purpose, "transit"), (["transit"], .purpose, "transit"),
            (["private", "visits"], .purpose, "private"), (["private", "trips"], .purpose, "private"),
            (["private", "reasons"], .purpose, "private"), (["private", "purposes"], .purpose, "private"),
            (["personal", "visits"], .purpose, "private"), (["personal", "trips"], .purpose, "private"),
            (["personal", "reasons"], .purpose, "private"), (["personal", "purposes"], .purpose, "private"),
            (["on", "official", "business"], .purpose, "official"), (["official", "visits"], .purpose, "official"),
            (["official", "trips"], .purpose, "official"), (["official", "purposes"], .purpose, "official"),
            (["official", "delegations"], .purpose, "official"), (["official", "reasons"], .purpose, "official"),
            (["permanent", "residence"], .purpose, "residence"), (["for", "residence"], .purpose, "residence"),
            (["vehicle", "maintenance"], .purpose, "service"), (["transport", "crew"], .purpose, "service"),
            (["transport", "personnel"], .purpose, "service"), (["transport", "staff"], .purpose, "service"),
            (["crew"], .purpose, "service"), (["crews"], .purpose, "service"), (["pilots"], .purpose, "service"), (["drivers"], .purpose, "service"),
            (["by", "air"], .transport, "air"), (["by", "plane"], .transport, "air"), (["by", "airplane"], .transport, "air"),
            (["flew"], .transport, "air"), (["flights"], .transport, "air"), (["airplane"], .transport, "air"),
            (["by", "rail"], .transport, "rail"), (["by", "train"], .transport, "rail"), (["train"], .transport, "rail"), (["rail"], .transport, "rail"),
            (["by", "car"], .transport, "road"), (["by", "road"], .transport, "road"), (["by", "bus"], .transport, "road"), (["car"], .transport, "road"),
            (["by", "sea"], .transport, "sea"), (["by", "ship"], .transport, "sea"), (["by", "water"], .transport, "sea"), (["by", "boat"], .transport, "sea"), (["ship"], .transport, "sea"),
            (["on", "foot"], .transport, "foot"), (["walked"], .transport, "foot"),
            (["labour", "migrants"], .estimate, "workers"), (["labor", "migrants"], .estimate, "workers"),
            (["workers"], .estimate, "workers"), (["labourers"], .estimate, "workers"), (["laborers"], .estimate, "workers"),
            (["soldiers"], .estimate, "troops"), (["troops"], .estimate, "troops"), (["military", "personnel"], .estimate, "troops"),
            (["engineers"], .estimate, "engineers"),
        ]
        list.sort { $0.0.count > $1.0.count }
        return list
    }()

    /// The category phrases that start with each word, longest first.
    static let categoriesByFirstWord: [String: [([String], Measure, String)]] =
        Dictionary(grouping: categories, by: { $0.0[0] })

    /// Nationalities: phrase → country code. A phrase ending in "*" needs a people noun after it.
    static let nationalities: [([String], String)] = {
        var list: [([String], String)] = [
            (["north", "koreans"], "KP"), (["north", "korean", "*"], "KP"), (["dprk", "*"], "KP"), (["dprk's", "*"], "KP"),
            (["citizens", "of", "north", "korea"], "KP"), (["nationals", "of", "north", "korea"], "KP"),
            (["citizens", "of", "the", "dprk"], "KP"), (["nationals", "of", "the", "dprk"], "KP"), (["north", "korea's", "*"], "KP"),
            (["russians"], "RU"), (["russian", "*"], "RU"), (["citizens", "of", "russia"], "RU"), (["russia's", "*"], "RU"),
            (["south", "koreans"], "KR"), (["south", "korean", "*"], "KR"),
            (["chinese", "*"], "CN"), (["chinese"], "CN"), (["citizens", "of", "china"], "CN"),
            (["turks"], "TR"), (["turkish", "*"], "TR"), (["egyptians"], "EG"), (["thais"], "TH"),
        ]
        list.sort { $0.0.count > $1.0.count }
        return list
    }()

    static let peopleNouns: Set<String> = [
        "citizens", "nationals", "people", "visitors", "tourists", "travellers", "travelers", "students", "workers",
        "labourers", "laborers", "soldiers", "troops", "personnel", "delegates", "migrants", "engineers", "officials",
        "business", "passengers", "entrants", "arrivals",
    ]

    /// Country names as destinations.
    static let countries: [([String], String)] = {
        var list: [([String], String)] = [
            (["north", "korea"], "KP"), (["dprk"], "KP"), (["pyongyang"], "KP"), (["russia"], "RU"), (["russian", "federation"], "RU"),
            (["south", "korea"], "KR"), (["china"], "CN"), (["turkey"], "TR"), (["türkiye"], "TR"), (["egypt"], "EG"), (["thailand"], "TH"),
        ]
        list.sort { $0.0.count > $1.0.count }
        return list
    }()
}
