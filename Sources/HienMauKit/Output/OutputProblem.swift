import Foundation

/// A file or folder of the output that could not be written, with the
/// cause in the site's language: "the disk is full", "the file is larger
/// than the file-size limit", "permission denied". Foundation's errors say
/// "NSCocoaErrorDomain error 512" or "not enough space" whatever the cause.
public struct OutputProblem: Error, CustomStringConvertible {
    public var path: String
    public var code: Int32
    /// What was being done: writing, making a folder, swapping the site in.
    public var doing: Message

    public init(path: String, code: Int32, doing: Message = OutputProblem.writing) {
        self.path = path
        self.code = code
        self.doing = doing
    }

    public static let writing = Message(vi: "không ghi được", en: "cannot write")
    public static let making = Message(vi: "không tạo được thư mục", en: "cannot make the folder")
    public static let reading = Message(vi: "không đọc được", en: "cannot read")
    public static let swapping = Message(
        vi: "không thay được trang cũ bằng trang mới", en: "cannot swap the new site in")

    /// "public/index.html: không ghi được: ổ đĩa đã đầy".
    public var message: Message {
        let cause = Errno.text(code)
        return Message(vi: "\(path): \(doing.vi): \(cause.vi)", en: "\(path): \(doing.en): \(cause.en)")
    }

    /// "không ghi được: ổ đĩa đã đầy", without the path.
    public var cause: Message {
        let cause = Errno.text(code)
        return Message(vi: "\(doing.vi): \(cause.vi)", en: "\(doing.en): \(cause.en)")
    }

    public var description: String { message.en }

    /// The error of the last system call, for `path`.
    static func last(_ path: String, doing: Message = writing) -> OutputProblem {
        OutputProblem(path: path, code: errno, doing: doing)
    }
}
