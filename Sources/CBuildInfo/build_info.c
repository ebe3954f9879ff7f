#include "CBuildInfo.h"

// A value for a Swift program from the command line of its build: Swift's
// `-D` defines only flags, C's defines a text.
#define HIENMAU_TEXT(x) #x
#define HIENMAU_EXPAND(x) HIENMAU_TEXT(x)

const char *hienmau_commit(void) {
#ifdef HIENMAU_COMMIT
    return HIENMAU_EXPAND(HIENMAU_COMMIT);
#else
    return "unknown";
#endif
}
