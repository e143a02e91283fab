"""Why a file could not be read or written, in words a clerk understands (the system's own are English)."""

from __future__ import annotations

import errno

_NO_PERMISSION = "没有权限（文件可能是只读的，或所在文件夹不允许写入）"
_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: _NO_PERMISSION,
    errno.EPERM: _NO_PERMISSION,
    errno.EROFS: "磁盘或U盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EEXIST: "文件已存在",
    errno.EIO: "读写磁盘出错（U盘可能已拔出或损坏）",
}
# Windows: the file is open in another program (WPS, Word), or locked part of it.
_SHARING_VIOLATIONS = {32, 33}


def describe(error: OSError) -> str:
    """「没有权限（…）」 for EACCES, and so on; the error number for anything unusual."""
    if getattr(error, "winerror", None) in _SHARING_VIOLATIONS:
        return "文件正被其他程序打开（如WPS或Word），请关闭后重试"
    reason = _REASONS.get(error.errno or 0)
    if reason:
        return reason
    return f"系统错误（{error.errno}）" if error.errno else "系统错误"
