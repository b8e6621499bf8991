// Writes a synthetic data package of exactly N observations, in the layout of data/,
// for benchmarks (docs/performance.md). Deterministic for a seed: the same arguments
// always write the same bytes.
//
//   crossings-generate --observations 1000000 --seed 1 --into /tmp/crossings-scale-1000000
//
// Shape: every country's citizens entering Russia (XX-RU) and Russians travelling to it
// (RU-XX), one row per quarter and mode of transport (air, rail, road, sea, foot), as in
// the FSB compilation (docs/data-format.md). Country sizes follow a Zipf law (China,
// Ukraine, Kazakhstan… large; islands tiny), each country has its own mix of modes and
// its own balance of entries and exits, values have heavy tails and a share of zeros.
// Quarters run from 2000-Q1 as far as N needs. Periods end at 2199 (the format's limit),
// so past 1.85M rows the generator adds countries beyond the real 231 (spare two-letter
// codes, named "Synthetic XX") instead of years, up to every two-letter code (675), and
// then starts before 2000: at most 8,100,000 observations.
import CrossingsCore
import Foundation

// MARK: Arguments

func usage(_ message: String? = nil) -> Never {
    if let message { FileHandle.standardError.write(Data("crossings-generate: \(message)\n".utf8)) }
    FileHandle.standardError.write(Data("usage: crossings-generate --observations N [--seed S] --into DIR\n".utf8))
    exit(2)
}

var count: Int?
var seed: UInt64 = 1
var into: String?
var args = Array(CommandLine.arguments.dropFirst())[...]
while let a = args.popFirst() {
    switch a {
    case "--observations", "-n":
        guard let v = args.popFirst(), let n = Int(v.replacingOccurrences(of: "_", with: "")), n >= 0 else { usage("--observations needs a count") }
        count = n
    case "--seed":
        guard let v = args.popFirst(), let s = UInt64(v) else { usage("--seed needs a non-negative integer") }
        seed = s
    case "--into":
        guard let v = args.popFirst() else { usage("--into needs a directory") }
        into = v
    case "-h", "--help": usage()
    default: usage("unknown argument '\(a)'")
    }
}
guard let total = count, let directory = into else { usage() }

// MARK: Random numbers (SplitMix64, from CrossingsCore: the same on every platform)

extension SplitMix64 {
    /// Standard normal (Box–Muller; one value per call keeps the stream simple).
    mutating func normal() -> Double {
        let u = max(unit(), 1e-300), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

var rng = SplitMix64(state: seed &* 0x2545_F491_4F6C_DD1D &+ 0x1234_5678)

// MARK: Countries

/// Real ISO codes and names (the countries of the FSB compilation), roughly from most
/// crossings with Russia to fewest for the first few dozen; the rest follow in an order
/// shuffled by the seed.
let leading = "UA Ukraine|KZ Kazakhstan|CN China|UZ Uzbekistan|TJ Tajikistan|FI Finland|AZ Azerbaijan|AM Armenia|KG Kyrgyzstan|DE Germany|XB Abkhazia|MD Moldova|TR Turkey|GE Georgia|EE Estonia|LV Latvia|LT Lithuania|PL Poland|US United States|MN Mongolia|IL Israel|TM Turkmenistan|EG Egypt|TH Thailand|IT Italy|FR France|GB United Kingdom|ES Spain|KR South Korea|JP Japan|NO Norway|VN Viet Nam|IN India|AE United Arab Emirates|CY Cyprus|GR Greece|CZ Czechia|XS South Ossetia|BG Bulgaria|NL Netherlands|AT Austria|CH Switzerland|KP North Korea|IR Iran|SE Sweden|ME Montenegro|RS Serbia|HU Hungary|TN Tunisia|DO Dominican Republic|CU Cuba|BE Belgium|SK Slovakia|HR Croatia|RO Romania|PT Portugal|ID Indonesia|LK Sri Lanka|MV Maldives|SY Syria"
let others = "AD Andorra|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla|AL Albania|AO Angola|AR Argentina|AS American Samoa|AU Australia|AW Aruba|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh|BF Burkina Faso|BH Bahrain|BI Burundi|BJ Benin|BM Bermuda|BN Brunei Darussalam|BO Bolivia|BR Brazil|BS Bahamas|BT Bhutan|BW Botswana|BY Belarus|BZ Belize|CA Canada|CD Congo, Democratic Republic|CF Central African Republic|CG Congo|CI Côte d'Ivoire|CK Cook Islands|CL Chile|CM Cameroon|CO Colombia|CR Costa Rica|CV Cabo Verde|CW Curaçao|DJ Djibouti|DK Denmark|DM Dominica|DZ Algeria|EC Ecuador|EH Western Sahara|ER Eritrea|ET Ethiopia|FJ Fiji|FK Falkland Islands|FM Micronesia|FO Faroe Islands|GA Gabon|GD Grenada|GF French Guiana|GG Guernsey|GH Ghana|GI Gibraltar|GL Greenland|GM Gambia|GN Guinea|GP Guadeloupe|GQ Equatorial Guinea|GT Guatemala|GU Guam|GW Guinea-Bissau|GY Guyana|HK Hong Kong|HN Honduras|HT Haiti|IE Ireland|IM Isle of Man|IQ Iraq|IS Iceland|JM Jamaica|JO Jordan|KE Kenya|KH Cambodia|KI Kiribati|KM Comoros|KN Saint Kitts and Nevis|KW Kuwait|KY Cayman Islands|LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein|LR Liberia|LS Lesotho|LU Luxembourg|LY Libya|MA Morocco|MC Monaco|MF Saint Martin|MG Madagascar|MH Marshall Islands|MK North Macedonia|ML Mali|MM Myanmar|MO Macao|MP Northern Mariana Islands|MQ Martinique|MR Mauritania|MS Montserrat|MT Malta|MU Mauritius|MW Malawi|MX Mexico|MY Malaysia|MZ Mozambique|NA Namibia|NC New Caledonia|NE Niger|NF Norfolk Island|NG Nigeria|NI Nicaragua|NP Nepal|NR Nauru|NU Niue|NZ New Zealand|OM Oman|PA Panama|PE Peru|PG Papua New Guinea|PH Philippines|PK Pakistan|PN Pitcairn|PR Puerto Rico|PS Palestine|PW Palau|PY Paraguay|QA Qatar|RE Réunion|RW Rwanda|SA Saudi Arabia|SB Solomon Islands|SC Seychelles|SD Sudan|SG Singapore|SH Saint Helena|SI Slovenia|SJ Svalbard and Jan Mayen|SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|ST Sao Tome and Principe|SV El Salvador|SX Sint Maarten|SZ Eswatini|TC Turks and Caicos Islands|TD Chad|TG Togo|TO Tonga|TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|UG Uganda|UY Uruguay|VA Vatican|VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands|VU Vanuatu|WF Wallis and Futuna|WS Samoa|YE Yemen|YT Mayotte|ZA South Africa|ZM Zambia|ZW Zimbabwe"

func parseCountries(_ text: String) -> [(code: String, name: String)] {
    text.split(separator: "|").map { entry in
        let s = String(entry)
        return (String(s.prefix(2)), String(s.dropFirst(3)))
    }
}

var countries = parseCountries(leading)
var tail = parseCountries(others)
for i in stride(from: tail.count - 1, to: 0, by: -1) {  // Fisher–Yates, seeded
    tail.swapAt(i, Int(rng.next() % UInt64(i + 1)))
}
countries += tail

let modes = ["air", "rail", "road", "sea", "foot"]
let cellsPerCountryQuarter = 2 * modes.count
let lastYear = 2199, firstYearAtMost = 2000, earliestYear = 1900

// Enough countries and quarters for N: keep the real countries, add spare codes only when
// 2000–2199 is not enough, then start before 2000.
let spare: [(code: String, name: String)] = {
    let used = Set(countries.map(\.code) + ["RU"])
    var codes: [String] = []
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for a in letters { for b in letters where !used.contains("\(a)\(b)") { codes.append("\(a)\(b)") } }
    return codes.map { ($0, "Synthetic \($0)") }
}()
let quartersTo2199 = (lastYear - firstYearAtMost + 1) * 4
let maxCountries = countries.count + spare.count
let maxObservations = maxCountries * cellsPerCountryQuarter * (lastYear - earliestYear + 1) * 4
guard total <= maxObservations else {
    usage("at most \(maxObservations) observations (periods end at \(lastYear), country codes are two letters)")
}
var countryCount = countries.count
if total > countryCount * cellsPerCountryQuarter * quartersTo2199 {
    countryCount = min(maxCountries, (total + cellsPerCountryQuarter * quartersTo2199 - 1) / (cellsPerCountryQuarter * quartersTo2199))
}
countries += spare.prefix(countryCount - countries.count)
let perQuarter = countryCount * cellsPerCountryQuarter
let quarters = max(1, (total + perQuarter - 1) / perQuarter)
let firstYear = min(firstYearAtMost, lastYear + 1 - (quarters + 3) / 4)

// MARK: Each country's shape

struct Shape {
    var code: [UInt8]
    var inFlow: [UInt8], outFlow: [UInt8]      // "CN-RU", "RU-CN"
    var inID: [UInt8], outID: [UInt8]          // "synthetic/in-CN-", "synthetic/out-CN-"
    var size: Double                           // mean crossings per quarter, both directions
    var inShare: Double                        // share of entries (XX-RU) in that
    var modeShare: [Double]                    // sums to 1
    var phase: Double                          // where its slow cycle starts
    var zeroRate: Double                       // reporting gaps
}

// Mode priors (air, rail, road, sea, foot): air and road carry most, foot and sea little.
let modePrior = [0.42, 0.12, 0.36, 0.05, 0.05]
let shapes: [Shape] = countries.prefix(countryCount).enumerated().map { rank, c in
    var shares = modePrior.map { $0 * exp(1.1 * rng.normal()) }
    if rng.unit() < 0.6 { shares[4] *= 0.02 }   // most countries: almost no one on foot
    if rng.unit() < 0.5 { shares[3] *= 0.05 }   // or by sea
    if rng.unit() < 0.4 { shares[1] *= 0.1 }    // or by rail
    let sum = shares.reduce(0, +)
    let code = Array(c.code.utf8)
    return Shape(
        code: code,
        inFlow: code + Array("-RU".utf8), outFlow: Array("RU-".utf8) + code,
        inID: Array("synthetic/in-".utf8) + code + [UInt8(ascii: "-")],
        outID: Array("synthetic/out-".utf8) + code + [UInt8(ascii: "-")],
        size: 2_500_000 / pow(Double(rank + 1), 1.15) * exp(0.3 * rng.normal()),
        inShare: 1 / (1 + exp(1.2 * rng.normal())),
        modeShare: shares.map { $0 / sum },
        phase: rng.unit() * 2 * .pi,
        zeroRate: rank < 40 ? 0.002 : 0.02 + 0.1 * rng.unit())
}

// MARK: Writing

let fm = FileManager.default
do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch { usage("cannot create \(directory): \(error)") }
func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
func writeSmall(_ name: String, _ text: String) {
    do { try text.write(toFile: path(name), atomically: true, encoding: .utf8) } catch { usage("cannot write \(path(name)): \(error)") }
}

let observationsFile = "observations-synthetic.csv"
let sourceID = "synthetic"

var countriesCSV = CSVWriter.dataLine(PackageLoader.columns["countries"]!)
for (code, name) in (countries.prefix(countryCount) + [("RU", "Russia")]).sorted(by: { $0.code < $1.code }) {
    countriesCSV += CSVWriter.dataLine([code, name])
}
writeSmall("countries.csv", countriesCSV)

var categoriesCSV = CSVWriter.dataLine(PackageLoader.columns["categories"]!)
let labels = ["air": "by air", "rail": "by rail", "road": "by road (car, bus)", "sea": "by sea or river", "foot": "on foot"]
for c in Measure.transport.fixedCategories { categoriesCSV += CSVWriter.dataLine(["transport", c, labels[c] ?? c, ""]) }
writeSmall("categories.csv", categoriesCSV)

let lastPeriod = "\(firstYear + (quarters - 1) / 4)-Q\((quarters - 1) % 4 + 1)"
var sourcesCSV = CSVWriter.dataLine(PackageLoader.columns["sources"]!)
sourcesCSV += CSVWriter.dataLine([
    sourceID, "dataset", "crossings synthetic generator",
    "SYNTHETIC border crossings, not real data (\(total) observations, seed \(seed))",
    "", "", "", "", "synthetic generator > crossings-generate", "", "",
    "SYNTHETIC: written by `crossings-generate --observations \(total) --seed \(seed)` for benchmarks. "
        + "Every number is random and describes no real travel; \(countryCount) countries, \(firstYear)-Q1 to \(lastPeriod).",
])
writeSmall("sources.csv", sourcesCSV)
writeSmall("events.csv", CSVWriter.dataLine(PackageLoader.columns["events"]!))
writeSmall("event_dates.csv", CSVWriter.dataLine(PackageLoader.columns["event_dates"]!))
writeSmall("datapackage.json", PackageDescriptor.json(
    name: "synthetic", title: "SYNTHETIC border crossings for benchmarks (\(total) observations, seed \(seed)), not real data",
    observationFiles: [observationsFile],
    licenses: [["name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/", "title": "Synthetic data, no rights reserved"]]))

// The observations, streamed through a 1 MB buffer: quarter by quarter, country by
// country (largest first), entries then exits, mode by mode.
struct ObservationWriter {
    let file: UnsafeMutablePointer<FILE>
    let path: String
    var buffer: [UInt8] = []

    init(path: String) {
        guard let file = fopen(path, "w") else { usage("cannot write \(path)") }
        self.file = file
        self.path = path
        buffer.reserveCapacity(1 << 20 + 4096)
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count { usage("cannot write \(path): disk full?") }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
        flush()
        if fclose(file) != 0 { usage("cannot write \(path)") }
    }

    @inline(__always) mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }
    @inline(__always) mutating func append(_ byte: UInt8) { buffer.append(byte) }

    /// Plain digits, or with thousands separators (`12,345`).
    @inline(__always) mutating func append(_ value: Int, separators: Bool) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for any Int
        var n = value, k = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[k] = UInt8(48 + n % 10); n /= 10; k += 1 } while n > 0
            for i in stride(from: k - 1, through: 0, by: -1) {
                buffer.append(d[i])
                if separators, i > 0, i % 3 == 0 { buffer.append(UInt8(ascii: ",")) }
            }
        }
    }
}

func writeObservations(total: Int, quarters: Int, firstYear: Int, shapes: [Shape], rng: inout SplitMix64, into path: String) -> Int {
    var out = ObservationWriter(path: path)
    out.append(Array(CSVWriter.dataLine(PackageLoader.columns["observations"]!).utf8))
    let modeBytes = modes.map { Array($0.utf8) }
    let transportCell = Array(",transport,".utf8)
    let exactCell = Array(",exact,".utf8)
    let tailCells = Array(",synthetic generator,synthetic,synthetic:L".utf8)
    let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    var written = 0
    var line = 2  // the header is line 1
    quarterLoop: for q in 0..<quarters {
        let year = firstYear + q / 4, quarter = q % 4 + 1
        let period = Array("\(year)-Q\(quarter)".utf8)
        let season = [0.8, 1.0, 1.3, 0.9][quarter - 1]
        for shape in shapes {
            // A slow cycle (booms and slumps over ~30 years) and a shock now and then.
            let cycle = 1 + 0.45 * sin(Double(year) / 5 + shape.phase)
            let shock = rng.unit() < 0.01 ? 0.1 + 2.5 * rng.unit() : 1
            for inbound in [true, false] {
                let directionSize = shape.size * (inbound ? shape.inShare : 1 - shape.inShare) * season * cycle * shock
                for m in 0..<modes.count {
                    guard written < total else { break quarterLoop }
                    var value = 0
                    if rng.unit() >= shape.zeroRate {
                        // Log-normal noise, and a Pareto tail for the odd very large quarter.
                        var x = directionSize * shape.modeShare[m] * exp(0.35 * rng.normal())
                        if rng.unit() < 0.003 { x *= pow(1 - rng.unit(), -1 / 1.5) }
                        value = x < 0.5 ? 0 : Int(min(x.rounded(), 9e12))
                    }
                    out.append(inbound ? shape.inID : shape.outID)
                    out.append(period)
                    out.append(UInt8(ascii: "-"))
                    out.append(modeBytes[m])
                    out.append(comma)
                    out.append(inbound ? shape.inFlow : shape.outFlow)
                    out.append(comma)
                    out.append(period)
                    out.append(transportCell)
                    out.append(modeBytes[m])
                    out.append(comma)
                    out.append(value, separators: false)
                    out.append(comma)  // high: empty
                    out.append(exactCell)
                    if value >= 1000 {
                        out.append(quote)
                        out.append(value, separators: true)
                        out.append(quote)
                    } else {
                        out.append(value, separators: false)
                    }
                    out.append(tailCells)
                    out.append(line, separators: false)
                    out.append(comma)  // note: empty
                    out.append(UInt8(ascii: "\n"))
                    written += 1
                    line += 1
                    if out.buffer.count >= 1 << 20 { out.flush() }
                }
            }
        }
    }
    out.close()
    return written
}

let written = writeObservations(total: total, quarters: quarters, firstYear: firstYear, shapes: shapes, rng: &rng,
                                into: path(observationsFile))
FileHandle.standardError.write(Data(
    "crossings-generate: \(written) observations, \(countryCount) countries, \(firstYear)-Q1 to \(lastPeriod), seed \(seed), into \(directory)\n".utf8))
