#ifndef HIENMAU_BUILD_INFO_H
#define HIENMAU_BUILD_INFO_H

/// The commit the binary was built from by `make build` or `make dist`, or "unknown".
const char *hienmau_commit(void);

#endif
