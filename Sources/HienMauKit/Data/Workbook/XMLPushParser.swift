internal import CLibXML2
import Foundation
import Glibc

/// What a streamed XML document tells as it is read. Names and texts are
/// bytes valid only during the call.
protocol XMLEventHandler: AnyObject {
    func start(_ name: XMLBytes, _ attributes: XMLAttributes)
    func end(_ name: XMLBytes)
    func text(_ bytes: XMLBytes)
}

typealias XMLBytes = UnsafeBufferPointer<UInt8>

/// An element's attributes as libxml2 gives them: local name, prefix, URI,
/// value start, value end, five pointers per attribute.
struct XMLAttributes {
    fileprivate let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let count: Int

    /// Calls `body` with each attribute's local name and value, in order.
    func forEachAttribute(_ body: (XMLBytes, XMLBytes) -> Void) {
        guard let base else { return }
        for i in 0..<count {
            let entry = base + 5 * i
            guard let local = entry[0], let start = entry[3], let end = entry[4] else { continue }
            body(XMLBytes(cString: local), XMLBytes(start: start, count: end - start))
        }
    }

    /// The value of the attribute whose local name is `name` (any namespace).
    func value(_ name: StaticString) -> XMLBytes? {
        guard let base else { return nil }
        for i in 0..<count {
            let entry = base + 5 * i
            guard let local = entry[0], XMLBytes(cString: local).equals(name),
                let start = entry[3], let end = entry[4]
            else { continue }
            return XMLBytes(start: start, count: end - start)
        }
        return nil
    }

    /// The value of the attribute `name` in the namespace whose URI is
    /// `namespace`: OpenDocument cells carry `office:value-type` and
    /// `calcext:value-type` side by side.
    func value(_ name: StaticString, namespace: StaticString) -> XMLBytes? {
        guard let base else { return nil }
        for i in 0..<count {
            let entry = base + 5 * i
            guard let local = entry[0], XMLBytes(cString: local).equals(name),
                let uri = entry[2], XMLBytes(cString: uri).equals(namespace),
                let start = entry[3], let end = entry[4]
            else { continue }
            return XMLBytes(start: start, count: end - start)
        }
        return nil
    }
}

/// libxml2's SAX2 push parser: the document arrives in chunks of any size and
/// leaves as events, so a sheet of a million rows is never a tree in memory.
/// All of libxml2 is in this file. A document with a DTD is refused: no part
/// of a workbook has one, and entities are how XML bombs are made.
final class XMLPushParser {
    /// Why the document could not be read: libxml2's message, and its line.
    struct Failure: Error {
        var line: Int
        var message: String
    }

    private let handler: XMLEventHandler
    private var context: xmlParserCtxtPtr?
    private var sax = xmlSAXHandler()
    private var failure: Failure?

    init(handler: XMLEventHandler) {
        self.handler = handler
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, local, _, _, _, _, attributeCount, _, attributes in
            guard let local else { return }
            XMLPushParser.with(context) {
                $0.handler.start(XMLBytes(cString: local), XMLAttributes(base: attributes, count: Int(attributeCount)))
            }
        }
        sax.endElementNs = { context, local, _, _ in
            guard let local else { return }
            XMLPushParser.with(context) { $0.handler.end(XMLBytes(cString: local)) }
        }
        sax.characters = { context, bytes, count in
            guard let bytes else { return }
            XMLPushParser.with(context) { $0.handler.text(XMLBytes(start: bytes, count: Int(count))) }
        }
        sax.internalSubset = { context, _, _, _ in
            let parser = XMLPushParser.from(context)
            parser.failure = Failure(line: 1, message: "DTD")
            xmlStopParser(parser.context)
        }
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> XMLPushParser {
        Unmanaged<XMLPushParser>.fromOpaque(context!).takeUnretainedValue()
    }

    /// The parser of a callback, without retaining it: it lives while it parses. Called for every element.
    private static func with(_ context: UnsafeMutableRawPointer?, _ body: (XMLPushParser) -> Void) {
        Unmanaged<XMLPushParser>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
    }

    /// Parses the next chunk; `last` ends the document.
    func feed(_ bytes: XMLBytes, last: Bool = false) throws {
        if context == nil {
            let me = Unmanaged.passUnretained(self).toOpaque()
            context = xmlCreatePushParserCtxt(&sax, me, nil, 0, nil)
            xmlCtxtUseOptions(
                context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        }
        let code = bytes.withMemoryRebound(to: CChar.self) { chars in
            xmlParseChunk(context, chars.baseAddress, Int32(chars.count), last ? 1 : 0)
        }
        if let failure { throw failure }
        if code != 0 {
            let error = xmlCtxtGetLastError(context)
            let message = error?.pointee.message.map { String(cString: $0) } ?? "XML error \(code)"
            throw Failure(
                line: Int(error?.pointee.line ?? 0),
                message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

extension XMLBytes {
    init(cString: UnsafePointer<xmlChar>) {
        self.init(start: cString, count: Int(strlen(UnsafeRawPointer(cString).assumingMemoryBound(to: CChar.self))))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte-for-byte equality with an ASCII literal.
    func equals(_ literal: StaticString) -> Bool {
        // Compared here, not by memcmp: the names are a few bytes and compared at every element.
        guard count == literal.utf8CodeUnitCount else { return false }
        guard let base = baseAddress else { return true }
        let other = literal.utf8Start
        for i in 0..<count where base[i] != other[i] { return false }
        return true
    }

    /// The bytes as a String (UTF-8, as every part of a workbook is).
    var string: String { String(decoding: self, as: UTF8.self) }

    /// A non-negative decimal integer, or nil.
    var integer: Int? {
        guard !isEmpty, count <= 18 else { return nil }
        var value = 0
        for b in self {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}
