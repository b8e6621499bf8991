// Writes a synthetic data package of exactly N observations, in the layout of data/,
// for benchmarks (docs/performance.md). Deterministic for a seed: the same arguments
// always write the same bytes.
//
//   crossings-generate --observations 1000000 --seed 1 --into /tmp/crossings-scale-1000000
//   crossings-generate --format russia-in-out --observations 1000000 --seed 1 --into /tmp/raw
//
// `--format russia-in-out` writes the same rows instead as the FSB compilation's raw files,
// Russia_in_master.csv and Russia_out_master.csv (`ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date`,
// values like "6,734", dates like 3/31/2010), so that `crossings import russia-in-out` of them
// gives a package with the same numbers as the synthetic package (issue 15's benchmark).
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
    FileHandle.standardError.write(Data("usage: crossings-generate [--format package|russia-in-out] --observations N [--seed S] --into DIR\n".utf8))
    exit(2)
}

var count: Int?
var seed: UInt64 = 1
var into: String?
var rawFormat = false  // --format russia-in-out
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
    case "--format":
        switch args.popFirst() {
        case "package": rawFormat = false
        case "russia-in-out": rawFormat = true
        default: usage("--format needs package or russia-in-out")
        }
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
    var rawName: [UInt8]                       // the ENG cell, quoted when it holds a comma or quote
    var rawCodes: [UInt8]                      // ",CN,CHN,156,": ISO_A2, ISO_A3, M49 between commas
}

/// ISO_A3 and M49 of each real country, as the FSB compilation gives them. A spare code the
/// generator adds ("Synthetic XX") gets ISO_A3 "X" + its code, as the compilation's own
/// made-up codes do (XB, XAB for Abkhazia), and M49 999.
let isoTable: [String: (a3: String, m49: String)] = Dictionary(uniqueKeysWithValues:
    "AD AND 20|AE ARE 784|AF AFG 4|AG ATG 28|AI AIA 660|AL ALB 8|AM ARM 51|AO AGO 24|AR ARG 32|AS ASM 16|AT AUT 40|AU AUS 36|AW ABW 533|AZ AZE 31|BA BIH 70|BB BRB 52|BD BGD 50|BE BEL 56|BF BFA 854|BG BGR 100|BH BHR 48|BI BDI 108|BJ BEN 204|BM BMU 60|BN BRN 96|BO BOL 68|BR BRA 76|BS BHS 44|BT BTN 64|BW BWA 72|BY BLR 112|BZ BLZ 84|CA CAN 124|CD COD 180|CF CAF 140|CG COG 178|CH CHE 756|CI CIV 384|CK COK 184|CL CHL 152|CM CMR 120|CN CHN 156|CO COL 170|CR CRI 188|CU CUB 192|CV CPV 132|CW CUW 531|CY CYP 196|CZ CZE 203|DE DEU 276|DJ DJI 262|DK DNK 208|DM DMA 212|DO DOM 214|DZ DZA 12|EC ECU 218|EE EST 233|EG EGY 818|EH ESH 732|ER ERI 232|ES ESP 724|ET ETH 231|FI FIN 246|FJ FJI 242|FK FLK 238|FM FSM 583|FO FRO 234|FR FRA 250|GA GAB 266|GB GBR 826|GD GRD 308|GE GEO 268|GF GUF 254|GG GGY 831|GH GHA 288|GI GIB 292|GL GRL 304|GM GMB 270|GN GIN 324|GP GLP 312|GQ GNQ 226|GR GRC 300|GT GTM 320|GU GUM 316|GW GNB 624|GY GUY 328|HK HKG 344|HN HND 340|HR HRV 191|HT HTI 332|HU HUN 348|ID IDN 360|IE IRL 372|IL ISR 376|IM IMN 833|IN IND 356|IQ IRQ 368|IR IRN 364|IS ISL 352|IT ITA 380|JM JAM 388|JO JOR 400|JP JPN 392|KE KEN 404|KG KGZ 417|KH KHM 116|KI KIR 296|KM COM 174|KN KNA 659|KP PRK 408|KR KOR 410|KW KWT 414|KY CYM 136|KZ KAZ 398|LA LAO 418|LB LBN 422|LC LCA 662|LI LIE 438|LK LKA 144|LR LBR 430|LS LSO 426|LT LTU 440|LU LUX 442|LV LVA 428|LY LBY 434|MA MAR 504|MC MCO 492|MD MDA 498|ME MNE 499|MF MAF 663|MG MDG 450|MH MHL 584|MK MKD 807|ML MLI 466|MM MMR 104|MN MNG 496|MO MAC 446|MP MNP 580|MQ MTQ 474|MR MRT 478|MS MSR 500|MT MLT 470|MU MUS 480|MV MDV 462|MW MWI 454|MX MEX 484|MY MYS 458|MZ MOZ 508|NA NAM 516|NC NCL 540|NE NER 562|NF NFK 574|NG NGA 566|NI NIC 558|NL NLD 528|NO NOR 578|NP NPL 524|NR NRU 520|NU NIU 570|NZ NZL 554|OM OMN 512|PA PAN 591|PE PER 604|PG PNG 598|PH PHL 608|PK PAK 586|PL POL 616|PN PCN 612|PR PRI 630|PS PSE 275|PT PRT 620|PW PLW 585|PY PRY 600|QA QAT 634|RE REU 638|RO ROU 642|RS SRB 688|RW RWA 646|SA SAU 682|SB SLB 90|SC SYC 690|SD SDN 729|SE SWE 752|SG SGP 702|SH SHN 654|SI SVN 705|SJ SJM 744|SK SVK 703|SL SLE 694|SM SMR 674|SN SEN 686|SO SOM 706|SR SUR 740|ST STP 678|SV SLV 222|SX SXM 534|SY SYR 760|SZ SWZ 748|TC TCA 796|TD TCD 148|TG TGO 768|TH THA 764|TJ TJK 762|TM TKM 795|TN TUN 788|TO TON 776|TR TUR 792|TT TTO 780|TV TUV 798|TW TWN 158|TZ TZA 834|UA UKR 804|UG UGA 800|US USA 840|UY URY 858|UZ UZB 860|VA VAT 336|VC VCT 670|VE VEN 862|VG VGB 92|VN VNM 704|VU VUT 548|WF WLF 876|WS WSM 882|XB XAB 949|XS XOS 950|YE YEM 887|YT MYT 175|ZA ZAF 710|ZM ZMB 894|ZW ZWE 716".split(separator: "|").map { entry in
        let p = entry.split(separator: " ").map(String.init)
        return (p[0], (p[1], p[2]))
    })

func csvCell(_ text: String) -> [UInt8] {
    text.contains(",") || text.contains("\"") ? Array(("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8) : Array(text.utf8)
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
        zeroRate: rank < 40 ? 0.002 : 0.02 + 0.1 * rng.unit(),
        rawName: csvCell(c.name),
        rawCodes: Array(",\(c.code),\(isoTable[c.code]?.a3 ?? "X" + c.code),\(isoTable[c.code]?.m49 ?? "999"),".utf8))
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

let lastPeriod = "\(firstYear + (quarters - 1) / 4)-Q\((quarters - 1) % 4 + 1)"
if !rawFormat {
var countriesCSV = CSVWriter.dataLine(PackageLoader.columns["countries"]!)
for (code, name) in (countries.prefix(countryCount) + [("RU", "Russia")]).sorted(by: { $0.code < $1.code }) {
    countriesCSV += CSVWriter.dataLine([code, name])
}
writeSmall("countries.csv", countriesCSV)

var categoriesCSV = CSVWriter.dataLine(PackageLoader.columns["categories"]!)
let labels = ["air": "by air", "rail": "by rail", "road": "by road (car, bus)", "sea": "by sea or river", "foot": "on foot"]
for c in Measure.transport.fixedCategories { categoriesCSV += CSVWriter.dataLine(["transport", c, labels[c] ?? c, ""]) }
writeSmall("categories.csv", categoriesCSV)

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
}

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

/// Writes the rows, the same numbers from the same random stream in either format: the package's
/// observations file (`raw` nil), or the compilation's two files (`raw` their paths).
func writeObservations(total: Int, quarters: Int, firstYear: Int, shapes: [Shape], rng: inout SplitMix64, into path: String,
                       raw: (in: String, out: String)? = nil) -> Int {
    var out = ObservationWriter(path: raw?.in ?? path)
    var exits = raw.map { ObservationWriter(path: $0.out) }
    if raw != nil {
        let header = Array("ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date\r\n".utf8)
        out.append(header)
        exits?.append(header)
    } else {
        out.append(Array(CSVWriter.dataLine(PackageLoader.columns["observations"]!).utf8))
    }
    let rawModes = ["Air", "Rail", "Car", "Ship", "Walk"].map { Array(",\($0),".utf8) }  // air, rail, road, sea, foot
    let rawIn = Array("In,".utf8), rawOut = Array("Out,".utf8), crlf = Array("\r\n".utf8)
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
        let date = Array(["", "3/31/", "6/30/", "9/30/", "12/31/"][quarter].utf8) + Array(String(year).utf8)
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
                    if raw != nil {
                        // ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date — entries to one file, exits to the other.
                        func row(_ w: inout ObservationWriter) {
                            w.append(shape.rawName)
                            w.append(rawModes[m])
                            w.append(inbound ? rawIn : rawOut)
                            if value >= 1000 {
                                w.append(quote)
                                w.append(value, separators: true)
                                w.append(quote)
                            } else {
                                w.append(value, separators: false)
                            }
                            w.append(shape.rawCodes)
                            w.append(date)
                            w.append(crlf)
                            if w.buffer.count >= 1 << 20 { w.flush() }
                        }
                        if inbound { row(&out) } else { row(&exits!) }
                        written += 1
                        continue
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
    exits?.close()
    return written
}

let written = writeObservations(total: total, quarters: quarters, firstYear: firstYear, shapes: shapes, rng: &rng,
                                into: path(observationsFile),
                                raw: rawFormat ? (path("Russia_in_master.csv"), path("Russia_out_master.csv")) : nil)
FileHandle.standardError.write(Data(
    "crossings-generate: \(written) observations, \(countryCount) countries, \(firstYear)-Q1 to \(lastPeriod), seed \(seed), into \(directory)\n".utf8))
