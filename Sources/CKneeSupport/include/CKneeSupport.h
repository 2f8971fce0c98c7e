#ifndef CKNEESUPPORT_H
#define CKNEESUPPORT_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int kb_exchange_paths(const char *from, const char *to);

#endif
