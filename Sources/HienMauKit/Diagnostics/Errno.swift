import Foundation

/// The cause of a failed system call, in both languages.
public enum Errno {
    public static func text(_ code: Int32) -> Message {
        switch code {
        case ENOENT: return Message(vi: "không có tệp hay thư mục này", en: "no such file or folder")
        case EACCES, EPERM: return Message(vi: "không có quyền", en: "permission denied")
        case ENOSPC: return Message(vi: "ổ đĩa đã đầy", en: "the disk is full")
        case EDQUOT: return Message(vi: "đã hết hạn mức dung lượng của người dùng", en: "the disk quota is used up")
        case EFBIG:
            return Message(
                vi: "tệp lớn hơn giới hạn kích thước tệp (ulimit -f)",
                en: "the file is larger than the file-size limit (ulimit -f)")
        case EROFS: return Message(vi: "ổ đĩa chỉ cho đọc", en: "the file system is read-only")
        case EIO: return Message(vi: "lỗi đọc ghi của ổ đĩa", en: "an input/output error of the disk")
        case EMFILE, ENFILE: return Message(vi: "quá nhiều tệp đang mở", en: "too many open files")
        case ENOTDIR:
            return Message(vi: "một phần của đường dẫn không phải thư mục", en: "a part of the path is not a folder")
        case EISDIR: return Message(vi: "đây là thư mục", en: "it is a folder")
        case EEXIST: return Message(vi: "đã có tệp ở đó", en: "a file is already there")
        case ENAMETOOLONG: return Message(vi: "tên quá dài", en: "the name is too long")
        default:
            let system = String(cString: strerror(code))
            return Message(vi: "lỗi hệ thống \(code): \(system)", en: "system error \(code): \(system)")
        }
    }
}
