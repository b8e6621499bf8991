import BundledData
import Foundation
import Testing
@testable import CrossingsCore

/// One mistake is one error (issue 11): a row or a file that cannot be read is reported where it
/// is, and the rows that refer to it are not each reported again (before, one bad byte in a
/// source's title stopped sources.csv and every observation citing a later source was an error).
struct KnockOnErrorTests {
    func errors(_ replace: [String: String]) -> [Diagnostic] {
        var files = BundledData.files
        for (k, v) in replace { files[k] = v }
        return loadErrors(files).filter { $0.severity == .error }
    }

    func errors(_ name: String, bytes: [UInt8]) throws -> [Diagnostic] {
        var files = BundledData.files.mapValues { Array($0.utf8) }
        files[name] = bytes
        do {
            _ = try PackageLoader.load(origin: "fx") { files[$0] }
            Issue.record("the package loaded, but it should have failed")
            return []
        } catch let failure as LoadFailure {
            return failure.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test func aBadByteInASourceTitleIsOneErrorAtTheByte() throws {
        let text = try #require(BundledData.files["sources.csv"])
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        // Line 2: the first source. "No more North Koreans" → "No more Nörth…" in Latin-1.
        let title = Array("No more North Koreans".utf8)
        let at = try #require(lines[1].firstRange(of: title)).lowerBound
        lines[1][at + 9] = 0xF6
        let bytes = Array(lines.joined(separator: [0x0A]))
        let found = try errors("sources.csv", bytes: bytes)
        #expect(found.count == 1, "\(found.map(\.description))")
        let column = String(decoding: lines[1][..<(at + 9)], as: UTF8.self).count + 1
        #expect(found.first?.description == "fx/sources.csv:2:\(column): error: byte 0xF6 is not valid UTF-8 (save the file as UTF-8; the row is not read)")
    }

    @Test func aSourceRejectedForItsDateIsNotReportedAgainByEveryCitation() throws {
        let text = try #require(BundledData.files["sources.csv"])
        let fixed = text.replacingOccurrences(of: "No more North Koreans at the Russian border,2025-05-08", with: "No more North Koreans at the Russian border,2025-05-38")
        #expect(fixed != text)
        let found = errors(["sources.csv": fixed])
        #expect(found.map(\.message) == ["date '2025-05-38' is not YYYY, YYYY-MM or YYYY-MM-DD"])
    }

    @Test func anEmptyOrUnreadableFileIsOneError() {
        #expect(errors(["countries.csv": ""]).map(\.message) == ["the file is empty (it needs a header row)"])
        // The header's own errors (the bundled schema lists tags and aliases), nothing from event_dates.csv.
        #expect(errors(["events.csv": "id,summary\n"]).allSatisfy { $0.location.file == "fx/events.csv" && $0.message.hasPrefix("missing column") })
        // A header that names the wrong columns: its own errors, none from the rows that cite a source.
        let header = errors(["sources.csv": "id,kind\n\"unterminated\n"])
        #expect(!header.isEmpty && header.allSatisfy { $0.location.file == "fx/sources.csv" }, "\(header.map(\.description))")
    }

    /// A broken quote stops observations.csv: the errata and coverage rows naming observations after
    /// it are not each reported as naming "no observation".
    @Test func aBrokenObservationsFileIsOneError() throws {
        let obs = try #require(BundledData.files["observations.csv"])
        var lines = obs.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: ",FSB border service,", with: ",\"FSB border service,")
        let found = errors(["observations.csv": lines.joined(separator: "\n")])
        #expect(found.count == 1, "\(found.map(\.description))")
        // The stray quote pairs with one on line 3; the message names line 2, where it opened
        // (it said "line 1": the row was re-read on its own, counting lines from 1).
        #expect(found.first?.location.line == 3)
        #expect(found.first?.message.hasSuffix("the quoted field opened at line 2, column 71") == true, "\(found.map(\.description))")
    }

    /// A resource without a path: one error at its name, not a second for the resource it leaves missing.
    @Test func aResourceWithoutAPathIsOneErrorAtItsName() throws {
        var files = BundledData.files
        let descriptor = try #require(files["datapackage.json"])
        files["datapackage.json"] = descriptor.replacingOccurrences(of: "\"path\": \"events.csv\",", with: "")
        let lines = descriptor.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("\"name\": \"events\"") }) + 1
        let found = loadErrors(files).filter { $0.severity == .error }
        #expect(found.map(\.description) == ["fx/datapackage.json:\(line):15: error: resource 'events' in datapackage.json has no \"path\""])
    }

    /// The same file listed by 200 more resources: one error per listing, at its path, and the file read
    /// once (it was read again for each, every row reported again, and finding each resource's
    /// line in the descriptor took minutes).
    @Test func aFileListedAgainIsAnErrorAtTheListingAndReadOnce() throws {
        var files = BundledData.files
        let descriptor = try #require(files["datapackage.json"])
        var json = try #require(try JSONSerialization.jsonObject(with: Data(descriptor.utf8)) as? [String: Any])
        var resources = try #require(json["resources"] as? [[String: Any]])
        let events = try #require(resources.first { $0["name"] as? String == "events" })
        for i in 0..<200 {
            var copy = events
            copy["name"] = "observations-again-\(i)"
            copy["path"] = i == 0 ? "./events.csv" : "events.csv"
            resources.append(copy)
        }
        json["resources"] = resources
        files["datapackage.json"] = String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted]), as: UTF8.self)
        let found = loadErrors(files).filter { $0.severity == .error }
        #expect(found.count == 200)
        #expect(found.allSatisfy { $0.location.file == "fx/datapackage.json" && $0.message.contains("which resource 'events' names already") })
        #expect(Set(found.map(\.location.line)).count == 200, "each at its own listing")
    }

    /// A resource's place is read from the descriptor's structure, whatever the order of its keys: with
    /// "path" before "name" (JSONSerialization, a generator or a person may write either), or a schema
    /// field named like the resource, a search for the name's text found another object's path.
    @Test func aResourcePathIsFoundWhateverTheOrderOfItsKeys() throws {
        let descriptor = try #require(BundledData.files["datapackage.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(descriptor.utf8)) as? [String: Any])
        let resources = try #require(json["resources"] as? [[String: Any]])
        // Written by hand so the order is known: each resource as {"path", "schema", "title", "name"}
        // (a search back from the name stopped at a `{` inside the schema, after the path, and so took
        // the next resource's path; the title, the name again, was found before the name itself);
        // `events` points outside the package.
        var text = "{\n  \"name\": \"fx\",\n  \"resources\": [\n"
        var expected = 0
        var line = 4
        for (i, r) in resources.enumerated() {
            let name = try #require(r["name"] as? String)
            let schema = try #require(r["schema"])
            let schemaText = String(decoding: try JSONSerialization.data(withJSONObject: schema, options: [.sortedKeys]), as: UTF8.self)
            let path = name == "events" ? "../events.csv" : try #require(r["path"] as? String)
            if name == "events" { expected = line + 1 }
            text += "    {\n      \"path\": \"\(path)\",\n      \"schema\": \(schemaText),\n      \"title\": \"\(name)\", \"name\": \"\(name)\"\n    }\(i + 1 < resources.count ? "," : "")\n"
            line += 5
        }
        text += "  ]\n}\n"
        let found = errors(["datapackage.json": text])
        #expect(found.count == 1, "\(found.map(\.description))")
        // `      "path": "`: the value at column 15 of the line after the resource's `{`.
        #expect(found.first?.description.hasPrefix("fx/datapackage.json:\(expected):15: error: resource 'events' has path '../events.csv', which has a '..' segment") == true,
                "\(found.map(\.description))")
    }

    /// A descriptor over the limit is refused before it is parsed (50 MB of `{}` took 3 GB), with its size;
    /// one just under it, padded with whitespace, still loads.
    @Test func anOversizedDescriptorIsRefusedBeforeItIsParsed() throws {
        let descriptor = try #require(BundledData.files["datapackage.json"])
        let padding = Loader.descriptorLimit - descriptor.utf8.count
        let found = errors(["datapackage.json": descriptor + String(repeating: " ", count: padding + 1)])
        #expect(found.count == 1)
        #expect(found.first?.description == "fx/datapackage.json:1:1: error: datapackage.json is \(formatCount(Loader.descriptorLimit + 1)) bytes; a descriptor is at most \(formatCount(Loader.descriptorLimit)) (it lists the package's files and columns, not data)")
        var files = BundledData.files
        files["datapackage.json"] = descriptor + String(repeating: " ", count: padding)
        #expect(try PackageLoader.load(files: files, origin: "fx").observations.count > 0)
    }

    @Test func aMissingReferenceIsStillReported() {
        let obs = BundledData.files["observations.csv"]!
        let found = errors(["observations.csv": obs + "x/1,KP-RU,2024,total,,1,,exact,1,FSB border service,no-such-source,L1,\n"])
        #expect(found.map(\.message) == ["observation x/1 cites source 'no-such-source', which is not in sources.csv"])
    }

    @Test func invalidJSONIsReportedAtItsLineAndColumn() throws {
        var files = BundledData.files
        let descriptor = try #require(files["datapackage.json"])
        files["datapackage.json"] = descriptor.replacingOccurrences(of: "\"path\": \"countries.csv\",", with: "\"path\": \"countries.csv\"")
        let found = loadErrors(files)
        let lines = descriptor.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("\"path\": \"countries.csv\"") }) + 2
        #expect(found.map(\.description) == ["fx/datapackage.json:\(line):7: error: datapackage.json is not valid JSON: invalid value"])
        files["datapackage.json"] = String(repeating: "[", count: 100_000)
        #expect(loadErrors(files).map(\.description) == ["fx/datapackage.json:1:514: error: datapackage.json is not valid JSON: too many nested arrays or dictionaries"])
        files["datapackage.json"] = ""
        #expect(loadErrors(files).map(\.message) == ["datapackage.json is not valid JSON: unexpected end of file during JSON parse"])
    }
}
