#include "CBuildInfo.h"

// scripts/dist.sh writes commit.h (`#define HIENMAU_COMMIT "…"`) for the
// release build it makes, and removes it afterwards. A header rather than a
// -D flag: a changed flag would recompile every Swift module, a changed
// header recompiles this file alone.
#if __has_include("commit.h")
#include "commit.h"
#endif

#ifndef HIENMAU_COMMIT
#define HIENMAU_COMMIT "unknown"
#endif

const char *hienmau_commit(void) {
    return HIENMAU_COMMIT;
}
