import CrossingsCore

/// What `update` asks the world to do: the only way the explorer reaches outside its state.
///
/// `update` stays pure; the backend (`CrossingsTerminal`'s `Explorer`) performs each effect and
/// feeds any result back as an action, so a test can assert the effects of a key as values:
///
/// ```swift
/// let (next, effects) = update(state, .key(.char("y")))
/// effects   // [.copy("KP-RU 2024: 13,221 — FSB via …")]
/// ```
public enum Effect: Hashable, Sendable {
    /// Put this line on the clipboard (OSC 52); the backend also prints it on exit.
    case copy(String)
    /// Leave the explorer.
    case quit
    /// Check a sentence against the dataset; the answer comes back as `Action.checked`.
    case check(String)
    /// `e`: write this table as a CSV file (the backend names it, never overwriting one); the
    /// outcome comes back as `Action.exported` or `Action.exportFailed`.
    case export(ExportTable)
    /// `O` (issue 14, links): open this URL (already checked by `LinkCheck`: http/https, printable
    /// ASCII) with `xdg-open`/`open`, else copy it; the outcome comes back as `Action.urlOpened`,
    /// `.urlCopied` or `.urlRefused`.
    case openURL(String)
}

extension Library {
    /// Performs an effect the dataset alone answers (a check), as the action that carries the answer
    /// back; nil for the effects only a backend can perform (copy, quit). Pure computation: no I/O,
    /// no thread, so the backend may run it wherever it likes.
    public func answer(_ effect: Effect) -> Action? {
        switch effect {
        case .check(let sentence): .checked(sentence, Checker(resolver: resolver).check(document: sentence))
        case .copy, .quit, .export, .openURL: nil
        }
    }
}

/// `update` as the backend runs it, without a terminal: the effects the dataset answers (a check)
/// are performed at once and fed back; the others (copy, quit, export, openURL) are returned. Tests, the fuzzer and
/// the benchmark drive the explorer with it.
///
/// ```swift
/// var s = State(data: dataset, size: Size(width: 80, height: 24))
/// for key in [Key.char("v")] + "In 2024, 13,221 North Koreans entered Russia.".map(Key.char) + [.enter] {
///     s = advance(s, .key(key)).state
/// }
/// s.current.page   // the verdicts, worked out
/// ```
public func advance(_ state: State, _ action: Action) -> (state: State, effects: [Effect]) {
    var (s, effects) = update(state, action)
    var left: [Effect] = []
    var i = 0
    while i < effects.count {
        if let answer = s.library.answer(effects[i]) {
            let (next, more) = update(s, answer)
            s = next
            effects += more
        } else {
            left.append(effects[i])
        }
        i += 1
    }
    return (s, left)
}
