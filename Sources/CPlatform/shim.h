#ifndef CROSSINGS_CPLATFORM_SHIM_H
#define CROSSINGS_CPLATFORM_SHIM_H
// System calls the Swift overlays do not export (no library to link: they are in libc).
#include <errno.h>

#if defined(__linux__)
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#elif defined(__APPLE__)
#include <stdio.h>
#endif

// Swaps two paths in one step, both of which must exist: renameat2(RENAME_EXCHANGE) on Linux
// (3.15 and later; glibc's wrapper is not visible to Swift, so through syscall(2)),
// renamex_np(RENAME_SWAP) on macOS. Returns 0, or -1 with errno: EINVAL, ENOSYS, ENOTSUP or
// EOPNOTSUPP where the kernel or file system cannot exchange (the caller falls back to renames).
static inline int crossings_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2u /* RENAME_EXCHANGE */);
#elif defined(__APPLE__)
    return renamex_np(a, b, RENAME_SWAP);
#else
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
#endif
}
#endif
