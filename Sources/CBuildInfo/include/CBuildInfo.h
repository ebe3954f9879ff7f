#ifndef HIENMAU_BUILD_INFO_H
#define HIENMAU_BUILD_INFO_H

/// The commit the binary was built from, as `make dist` passes it
/// (`-Xcc -DHIENMAU_COMMIT=<hash>`), or "unknown".
const char *hienmau_commit(void);

#endif
