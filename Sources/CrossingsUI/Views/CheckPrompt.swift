import CrossingsCore

/// Typing a sentence after `v`, in the status line; Enter checks it against the dataset.
struct CheckPrompt: Overlay {
    var mode: Mode { .checking }
    var scope: Scope { .checking }

    func apply(_ action: Action, to s: inout State) -> Bool {
        switch action {
        case .startCheck:
            s.mode = .checking
            s.checkText = ""
        case .checkType(let text): s.checkText = s.typed(text, after: s.checkText, limit: TypingLimit.sentence)
        case .checkErase: if !s.checkText.isEmpty { s.checkText.removeLast() }
        case .checkCancel: s.mode = .normal
        case .checkSubmit:
            s.mode = .normal
            let sentence = s.checkText.trimmingCharacters(in: .whitespaces)
            if sentence.isEmpty {
                s.message = "nothing to check"
            } else {
                // The same sentence again is the page already open, not a second copy of it.
                s.push(.check(sentence))
                // The verdicts are the backend's to work out (`Effect.check`); it answers with `.checked`.
                if s.checks[sentence] == nil { s.outbox.append(.check(sentence)) }
            }
        default: return false
        }
        return true
    }

    /// ` check: In 2024, 20,000 North Koreans entered Russia._`, the end of the sentence in sight as it grows.
    func status(_ s: State) -> String? {
        let prompt = " check: "
        // Room for the message too ("typing stops at …"), which would be cut off after it.
        let note = s.message.isEmpty ? "" : " │ " + s.message
        return prompt + tail(s.checkText + "_", s.size.width - 1 - cells(prompt) - cells(note)) + note
    }

    func paste(_ line: String) -> Action? { .checkType(line) }
}
