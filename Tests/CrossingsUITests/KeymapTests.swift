import CrossingsUI
import Foundation
import Testing

@Suite("Keys")
struct KeymapTests {
    @Test("docs/keymap.md is what the command registry generates")
    func keymapInSync() throws {
        let file = Fixture.root.appendingPathComponent("docs/keymap.md")
        let onDisk = try? String(contentsOf: file, encoding: .utf8)
        if onDisk == nil || ProcessInfo.processInfo.environment["CROSSINGS_RECORD"] == "1" {
            try Keymap.keymapMarkdown.write(to: file, atomically: true, encoding: .utf8)
            if onDisk == nil { Issue.record("wrote \(file.path) from the registry: review it, then run the tests again") }
            return
        }
        #expect(onDisk == Keymap.keymapMarkdown, "docs/keymap.md is out of date: run the tests with CROSSINGS_RECORD=1 to regenerate it")
    }

    @Test("no key is bound twice in one scope")
    func noClashes() {
        for scope in Scope.allCases {
            var seen: [Key: String] = [:]
            for c in Keymap.all where c.scopes.contains(scope) {
                for k in c.keys {
                    #expect(seen[k] == nil, "\(k.label) is bound to both \(seen[k] ?? "") and \(c.name) in \(scope.rawValue)")
                    seen[k] = c.name
                }
            }
        }
    }

    @Test("every command a footer names is reachable by its first key")
    func footerKeysWork() {
        for scope in Scope.allCases {
            for c in Keymap.footer(for: scope) {
                guard let key = c.keys.first else { continue }
                #expect(Keymap.command(for: key, in: scope)?.name == c.name, "\(key.label) in \(scope.rawValue)")
            }
        }
    }
}
