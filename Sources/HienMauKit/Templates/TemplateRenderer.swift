/// Renders parsed templates with a view. Names are looked up through
/// `TemplateObject.value(named:)`, a switch per view type, so a tag costs a
/// few comparisons rather than the dynamic casts of a reflective renderer.
struct TemplateRenderer: Sendable {
    /// Parsed templates by name (the file name without `.mustache`).
    let templates: [String: [TemplateNode]]

    /// Partials that include themselves stop here rather than exhaust the stack.
    private static let maximumDepth = 64

    func render(_ name: String, with view: any TemplateObject) -> String {
        String(decoding: renderBytes(name, with: view), as: UTF8.self)
    }

    /// The page as UTF-8, as it is written to the disk.
    func renderBytes(_ name: String, with view: any TemplateObject) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var state = State(stack: [.object(view)])
        render(nodes, &state, blocks: [:], depth: 0)
        return state.out.bytes
    }

    private struct State {
        var out = TextBuffer(capacity: 16_384)
        var stack: [TemplateValue]
    }

    private func render(_ nodes: [TemplateNode], _ state: inout State, blocks: [String: [TemplateNode]], depth: Int) {
        guard depth < Self.maximumDepth else { return }
        for node in nodes {
            switch node {
            case .text(let text):
                state.out.append(text)
            case .variable(let path, let escaped):
                guard let value = Self.lookup(path, in: state.stack) else { continue }
                switch value {
                case .text(let text):
                    if escaped { Escape.html(text, into: &state.out) } else { state.out.append(text) }
                case .html(let bytes):
                    if escaped {
                        Escape.html(String(decoding: bytes, as: UTF8.self), into: &state.out)
                    } else {
                        state.out.append(bytes)
                    }
                case .flag(let flag): state.out.append(flag ? "true" : "false")
                case .list, .object: continue
                }
            case .section(let path, let inverted, let body):
                let value = Self.lookup(path, in: state.stack)
                if inverted {
                    if !Self.isTruthy(value) { render(body, &state, blocks: blocks, depth: depth) }
                    continue
                }
                switch value {
                case nil, .flag(false)?:
                    continue
                case .flag(true)?:
                    render(body, &state, blocks: blocks, depth: depth)
                case .list(let items)?:
                    for item in items {
                        state.stack.append(item)
                        render(body, &state, blocks: blocks, depth: depth)
                        state.stack.removeLast()
                    }
                case let value?:
                    state.stack.append(value)
                    render(body, &state, blocks: blocks, depth: depth)
                    state.stack.removeLast()
                }
            case .partial(let name, let indentation, _):
                guard let partial = templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial, &state, blocks: blocks, depth: depth + 1)
                } else {
                    var inner = State(stack: state.stack)
                    render(partial, &inner, blocks: blocks, depth: depth + 1)
                    Self.indent(inner.out.text, by: indentation, into: &state.out)
                }
            case .parent(let name, let overrides, _):
                guard let parent = templates[name] else { continue }
                // A block given further out (by the page that started the chain) wins.
                render(parent, &state, blocks: overrides.merging(blocks) { _, outer in outer }, depth: depth + 1)
            case .block(let name, let body):
                render(blocks[name] ?? body, &state, blocks: blocks, depth: depth)
            }
        }
    }

    /// The first name is looked for from the innermost context outwards; the rest within what it found.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        for value in stack.reversed() {
            guard case .object(let object) = value, var found = object.value(named: first) else { continue }
            for name in path.dropFirst() {
                guard case .object(let inner) = found, let next = inner.value(named: name) else { return nil }
                found = next
            }
            return found
        }
        return nil
    }

    private static func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?: return false
        case .list(let items)?: return !items.isEmpty
        default: return true
        }
    }

    /// Every line of a standalone partial starts with the tag's indentation.
    private static func indent(_ text: String, by indentation: String, into out: inout TextBuffer) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out.append("\n") }
            if !line.isEmpty { out.append(indentation) }
            out.append(String(line))
        }
    }
}
